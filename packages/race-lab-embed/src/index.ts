export { RaceLab, type RaceLabHandle, type RaceLabProps } from './RaceLab.js';
export { register, type RegisterOptions } from './element.js';
export { frameUrl, pageUrl, type RaceLabSettings } from './settings.js';
export {
  PROTOCOL_VERSION,
  type ErrorMessage,
  type FrameMessage,
  type ReadyMessage,
  type ResultMessage,
} from './messages.js';
