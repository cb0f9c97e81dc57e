/** Heading levels of the synthesis (the room's section title is level 2 above them). */
export const HEADING_LEVELS = [2, 3] as const;
