export { startRealtimeServer, PortInUseError } from './server.ts';
export type { RealtimeServer } from './server.ts';
export { readConfig } from './config.ts';
export type { RealtimeConfig } from './config.ts';
