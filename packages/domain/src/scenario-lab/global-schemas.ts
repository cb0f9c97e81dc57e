// The scenario lab's limits on the skills model's global inputs: checked when a change is
// compiled (compile.ts) and when the room's scenario editor offers them (apps/web known.ts).
import { z } from 'zod';
import type { SkillsGlobal } from './keys.ts';

const share = z.number().min(0).max(1);
const commuteMinutes = z.number().positive().max(180);

export const SKILLS_GLOBAL_SCHEMAS = {
  crossBorderPull: share,
  jobSeekerMatchRate: share,
  reachCarMinutes: commuteMinutes,
  reachPtMinutes: commuteMinutes,
  reachCarAccessShare: share,
} as const satisfies Record<SkillsGlobal, z.ZodType<number>>;
