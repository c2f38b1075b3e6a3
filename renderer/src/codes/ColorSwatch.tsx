/**
 * A code's colour swatch, which is also its colour picker. The change is sent when the
 * picker closes (the native `change` event), not on every intermediate colour.
 */
import { useEffect, useRef } from 'react';

export function ColorSwatch({ label, color, disabled, onChange }: { label: string; color: string; disabled?: boolean; onChange: (color: string) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const input = ref.current!;
    input.value = color;
  }, [color]);
  useEffect(() => {
    const input = ref.current!;
    const onCommit = () => {
      if (input.value.toLowerCase() !== color.toLowerCase()) latest.current(input.value);
    };
    input.addEventListener('change', onCommit);
    return () => input.removeEventListener('change', onCommit);
  }, [color]);
  return <input ref={ref} type="color" className="swatch-input" aria-label={label} title={label} defaultValue={color} disabled={disabled} />;
}
