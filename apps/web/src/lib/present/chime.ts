// The end-of-timer sound of the presenter view: three short tones made with Web Audio (no
// file to load, nothing for the CSP to allow). Browsers start audio only after a gesture, so
// the context is created when the presenter turns the sound on.

/** A sound the presenter turned on; `play` rings the end of the timer. */
export interface Chime {
  play(): void;
  close(): void;
}

/**
 * Creates the chime, from the click or key press that turned the sound on.
 *
 * @returns undefined where the browser has no Web Audio
 */
export function createChime(): Chime | undefined {
  const Context = globalThis.AudioContext;
  if (!Context) return undefined;
  const context = new Context();
  return {
    play() {
      void context.resume();
      const start = context.currentTime + 0.05;
      for (const [index, frequency] of [660, 880, 990].entries()) {
        const at = start + index * 0.35;
        const tone = context.createOscillator();
        const gain = context.createGain();
        tone.type = 'sine';
        tone.frequency.value = frequency;
        // A soft attack and release: no click at either end.
        gain.gain.setValueAtTime(0, at);
        gain.gain.linearRampToValueAtTime(0.3, at + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.001, at + 0.3);
        tone.connect(gain).connect(context.destination);
        tone.start(at);
        tone.stop(at + 0.32);
      }
    },
    close() {
      void context.close();
    },
  };
}
