import { useId } from 'react';
import {
  LIMITS,
  PRESET_IDS,
  PRESETS,
  RUN_PARAM_SCHEMAS,
  type PresetId,
  type TraceSetting,
} from '../core/config';
import { SCENARIOS, scenarioOf, strategyOf } from '../core/scenarios';
import { SCENARIO_IDS, type ScenarioId } from '../core/scenarioTypes';
import { STRATEGY_IDS, type StrategyId } from '../core/strategies';
import { useLab } from '../store/labStore';
import { selectConfig, selectPage, selectRunning } from '../store/selectors';
import { NumberField } from './NumberField';
import { RunButton, StopButton } from './RunStop';

/** Everything that decides the next run, plus Run and Stop. */
export function Controls() {
  const config = useLab(selectConfig);
  const running = useLab(selectRunning);
  const page = useLab(selectPage);
  const {
    setPreset,
    setScenario,
    setStrategy,
    setAtomic,
    setWorkers,
    setIncrements,
    setWork,
    setTrace,
    setPage,
    startStepping,
  } = useLab.getState();
  const presetId = useId();
  const scenarioId = useId();
  const strategyId = useId();
  const traceId = useId();
  const tree = PRESETS[config.preset].tree;
  const { fixedAttempts, unit } = scenarioOf(config);
  return (
    <section className="controls" aria-label="Settings">
      <div className="field">
        <label htmlFor={presetId}>Preset</label>
        <select
          id={presetId}
          value={config.preset}
          disabled={running}
          onChange={(e) => setPreset(e.target.value as PresetId)}
        >
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {PRESETS[id].label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={scenarioId}>Scenario</label>
        <select
          id={scenarioId}
          value={config.scenario ?? 'counter'}
          disabled={running}
          aria-describedby={`${scenarioId}-why`}
          onChange={(e) => setScenario(e.target.value as ScenarioId)}
        >
          {SCENARIO_IDS.map((id) => (
            <option key={id} value={id}>
              {SCENARIOS[id].label}
            </option>
          ))}
        </select>
        <small id={`${scenarioId}-why`} className="field-hint">
          {SCENARIOS[config.scenario ?? 'counter'].lesson}
        </small>
      </div>
      <NumberField
        label="Workers"
        name="workers"
        value={config.workers}
        schema={RUN_PARAM_SCHEMAS.workers}
        disabled={running}
        hint={tree ? 'The post’s tree: main › func3, func4 › func1, func2' : undefined}
        onCommit={setWorkers}
      />
      <NumberField
        label="Increments per worker"
        name="increments"
        value={config.increments}
        schema={RUN_PARAM_SCHEMAS.increments}
        disabled={running || fixedAttempts !== null}
        hint={fixedAttempts ? `Does not apply: ${fixedAttempts}.` : undefined}
        onCommit={setIncrements}
      />
      <NumberField
        label="Work between read and write"
        name="work"
        value={config.work}
        schema={RUN_PARAM_SCHEMAS.work}
        disabled={running}
        hint="Busy loads inside the race window, like the post’s print: widens the window."
        onCommit={setWork}
      />
      <div className="field field-switch">
        <button
          type="button"
          role="switch"
          aria-checked={config.strategy === 'atomic'}
          className="switch"
          disabled={running}
          onClick={() => setAtomic(config.strategy !== 'atomic')}
        >
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          Atomic {unit}s
        </button>
      </div>
      <div className="field">
        <label htmlFor={strategyId}>Strategy</label>
        <select
          id={strategyId}
          value={config.strategy}
          disabled={running}
          aria-describedby={`${strategyId}-why`}
          onChange={(e) => setStrategy(e.target.value as StrategyId)}
        >
          {STRATEGY_IDS.map((id) => (
            <option key={id} value={id}>
              {strategyOf({ scenario: config.scenario, strategy: id }).label}
            </option>
          ))}
        </select>
        <small id={`${strategyId}-why`} className="field-hint">
          {strategyOf(config).explanation}
        </small>
      </div>
      <div className="field">
        <label htmlFor={traceId}>Record every access</label>
        <select
          id={traceId}
          value={config.trace}
          disabled={running}
          onChange={(e) => setTrace(e.target.value as TraceSetting)}
        >
          <option value="auto">Auto (up to {LIMITS.traceAutoEvents.toLocaleString('en')})</option>
          <option value="on">On</option>
          <option value="wall">On, with wall time</option>
          <option value="off">Off (fastest)</option>
        </select>
      </div>
      <div className="run-buttons">
        <RunButton />
        {page.mode !== 'step' && (
          <button
            type="button"
            disabled={running}
            onClick={() => {
              setPage({ mode: 'step', view: 'run' });
              void startStepping([]);
            }}
          >
            Step through it
          </button>
        )}
        <StopButton />
      </div>
    </section>
  );
}
