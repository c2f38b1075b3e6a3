/** One document in the list: open it, rename it, delete it (after asking). */
import { useState } from 'react';
import { Menu, type MenuItem } from '../common/Menu';
import { MenuButton } from '../common/MenuButton';
import { RenameField } from '../common/RenameField';
import { useGloss } from '../store';
import type { DocumentEntry } from '../store/selectors';
import type { RowProps } from '../common/VirtualList';
import { countOf, formatCount } from '../common/format-count';
import { startAnonymise, startDeleteDocument, startEditText } from './actions';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

/** `row` places it in the virtual list (DocumentsPane). */
export function DocumentRow({ entry, row }: { entry: DocumentEntry; row: RowProps }) {
  const isOpen = useGloss((s) => s.documentId === entry.id && s.view === 'reader');
  const readOnly = useGloss((s) => s.readOnly);
  const openDocument = useGloss((s) => s.openDocument);
  const setView = useGloss((s) => s.setView);
  const [renaming, setRenaming] = useState(false);
  const [contextAt, setContextAt] = useState<{ x: number; y: number } | null>(null);

  const actions = (): MenuItem[] => [
    { label: 'Rename…', onSelect: () => setRenaming(true), disabled: readOnly },
    { label: 'Edit text…', onSelect: () => startEditText(entry.id), disabled: readOnly },
    { label: 'Anonymise…', onSelect: () => startAnonymise(entry.id), disabled: readOnly },
    { label: 'Delete…', onSelect: () => startDeleteDocument(entry), danger: true, disabled: readOnly },
  ];

  return (
    <li {...row} className={isOpen ? 'row current' : 'row'} onContextMenu={(e) => (e.preventDefault(), setContextAt({ x: e.clientX, y: e.clientY }))}>
      {renaming ? (
        <RenameField
          label={`New name for ${visibleName(entry.name)}`}
          initial={entry.name}
          onSave={(name) => {
            setRenaming(false);
            void run({ type: 'renameDocument', documentId: entry.id, name });
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <>
          <button
            type="button"
            className="row-main"
            aria-current={isOpen ? 'page' : undefined}
            onClick={() => {
              openDocument(entry.id);
              setView('reader');
            }}
          >
            <span className="row-name" title={visibleName(entry.name)}>
              {visibleName(entry.name)}
            </span>
          </button>
          <span className="count" title={countOf(entry.codings, 'coding', 'codings')}>
            {formatCount(entry.codings)}
          </span>
        </>
      )}
      <MenuButton label={`More actions for ${visibleName(entry.name)}`} items={actions} />
      {contextAt && <Menu label={`Actions for ${visibleName(entry.name)}`} items={actions()} at={contextAt} onClose={() => setContextAt(null)} />}
    </li>
  );
}
