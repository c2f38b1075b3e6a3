/** The shortcut sheet (`?`, Help ▸ Keyboard Shortcuts): every key Gloss answers, from shared/app/shortcut-sheet.ts. */
import { Dialog } from '../common/Dialog';
import { shortcutSheet } from '../../../shared/app/shortcut-sheet';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" className="wide shortcut-sheet" cancelLabel="Close" onClose={onClose}>
      {shortcutSheet(MAC).map((section) => (
        <section key={section.title} aria-label={section.title}>
          <h3>{section.title}</h3>
          <table>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">What they do</th>
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row) => (
                <tr key={row.action}>
                  <td className="shortcut-keys">
                    {row.keys.map((keys, i) => (
                      <span key={keys}>
                        {i > 0 && <span className="muted"> or </span>}
                        <kbd>{keys}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>{row.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Dialog>
  );
}
