export { testBackends, openScratchDatabase } from './backends.ts';
export type { TestBackend } from './backends.ts';
