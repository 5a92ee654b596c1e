import { expose, transfer } from 'comlink';
import type { TraceWorkerApi } from './traceApi';
import { processInput } from './traceJob';
import { transferList } from './transferList';

const api: TraceWorkerApi = {
  async process(input, progress) {
    const answer = await processInput(input, progress);
    return answer.ok ? transfer(answer, transferList(answer.processed)) : answer;
  },
};

expose(api);
