/**
 * A soft two-note chime, synthesised with Web Audio so nothing has to be downloaded or bundled.
 * It plays in an extension document (the offscreen document in Chrome, the event page in Firefox),
 * which may make sound without the user having clicked on the page first.
 */
let context: AudioContext | null = null;

export function playChime(kind: 'step' | 'hold'): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime + 0.02;
    const notes = kind === 'hold' ? [784, 659] : [659, 880];
    notes.forEach((frequency, i) => {
      const osc = context!.createOscillator();
      const gain = context!.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const at = start + i * 0.18;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.08, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
      osc.connect(gain).connect(context!.destination);
      osc.start(at);
      osc.stop(at + 0.4);
    });
  } catch {
    // No audio here (or not allowed): the visual countdown carries on regardless.
  }
}
