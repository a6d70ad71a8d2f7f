interface Props {
  /** 0..1 of the time still left. */
  fraction: number;
  label: string;
  sublabel?: string;
  tone: 'step' | 'hold' | 'paused';
  size?: number;
}

/** A ring that empties as time runs out, with the time in its centre. Purely presentational. */
export function CountdownRing({ fraction, label, sublabel, tone, size = 132 }: Props) {
  const r = 52;
  const circumference = 2 * Math.PI * r;
  const clamped = Math.min(1, Math.max(0, fraction));
  return (
    <div class={`rb-ring rb-ring--${tone}`} style={{ width: `${size}px`, height: `${size}px` }}>
      <svg viewBox="0 0 120 120" aria-hidden="true" focusable="false">
        <circle class="rb-ring__track" cx="60" cy="60" r={r} />
        <circle
          class="rb-ring__bar"
          cx="60"
          cy="60"
          r={r}
          stroke-dasharray={`${circumference}`}
          stroke-dashoffset={`${circumference * (1 - clamped)}`}
          transform="rotate(-90 60 60)"
        />
      </svg>
      <div class="rb-ring__text">
        <span class="rb-ring__time">{label}</span>
        {sublabel ? <span class="rb-ring__sub">{sublabel}</span> : null}
      </div>
    </div>
  );
}
