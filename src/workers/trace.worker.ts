import { expose, transfer } from 'comlink';
import { encodeTraceBinary } from '../core/traceBinary';
import type { TraceWorkerApi } from './traceApi';
import { processInput } from './traceJob';
import { transferList } from './transferList';

const api: TraceWorkerApi = {
  async process(input, progress) {
    const answer = await processInput(input, progress);
    return answer.ok ? transfer(answer, transferList(answer.processed)) : answer;
  },
  async encode(trace, summary) {
    const bytes = encodeTraceBinary(trace, { accounting: summary });
    const gzip = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
    return new Response(gzip).blob();
  },
};

expose(api);
