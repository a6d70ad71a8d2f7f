interface Props {
  /** 0..1 of the time still left. */
  fraction: number;
  label: string;
  sublabel?: string;
  tone: 'step' | 'hold' | 'paused';
}

/**
 * A ring that empties as time runs out, with the time in its centre. Drawn by a CSS conic gradient from
 * one custom property, set through the CSSOM, so a strict page CSP cannot block it. Purely presentational.
 */
export function CountdownRing({ fraction, label, sublabel, tone }: Props) {
  const clamped = Math.min(1, Math.max(0, fraction));
  return (
    <div class={`rb-ring rb-ring--${tone}`} style={{ '--rb-p': clamped.toFixed(4) }}>
      <span class="rb-ring__time">{label}</span>
      {sublabel ? <span class="rb-ring__sub">{sublabel}</span> : null}
    </div>
  );
}
