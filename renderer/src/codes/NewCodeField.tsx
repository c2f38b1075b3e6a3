/** The inline field that creates a code: Enter creates, Escape cancels. */
import { useEffect, useRef, useState } from 'react';
import { run } from '../project/actions';

export function NewCodeField({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const create = async () => {
    if (!name.trim()) return onDone();
    if (await run({ type: 'createCode', name })) onDone();
  };
  return (
    <div className="new-code">
      <input
        ref={ref}
        aria-label="New code name"
        placeholder="New code name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void create();
          else if (e.key === 'Escape') onDone();
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
        onBlur={() => !name.trim() && onDone()}
      />
    </div>
  );
}
