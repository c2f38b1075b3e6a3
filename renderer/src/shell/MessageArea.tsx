/** Errors and notices, each dismissable; errors stay until dismissed, notices fade after a while. */
import { useEffect } from 'react';
import { useGloss } from '../store';
import { visibleText } from '../../../shared/text/safe-names';

/** Notices (not errors) go away by themselves after this long. */
const NOTICE_MS = 6000;

export function MessageArea() {
  const messages = useGloss((s) => s.messages);
  const dismiss = useGloss((s) => s.dismiss);

  useEffect(() => {
    const timers = messages.filter((m) => m.tone === 'info').map((m) => setTimeout(() => dismiss(m.id), NOTICE_MS));
    return () => timers.forEach(clearTimeout);
  }, [messages, dismiss]);

  return (
    <div className="messages" role="alert" aria-live="assertive">
      {messages.map((m) => (
        <div key={m.id} className={`message ${m.tone}`}>
          <span className="message-text">{visibleText(m.text)}</span>
          <button type="button" className="icon-button" aria-label={`Dismiss: ${visibleText(m.text)}`} onClick={() => dismiss(m.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
