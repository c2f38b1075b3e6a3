/**
 * One code in the tree: colour swatch (its colour picker), name (shows its excerpts), count
 * of codings, its digit key when it has one, and a menu to make a sub-code, pin it to a digit
 * key, rename, describe, move or delete it. A code can be dragged onto another to nest it there.
 */
import { useState, type DragEvent } from 'react';
import { descendantIds } from '../../../shared/model/codes';
import { Menu, type MenuItem } from '../common/Menu';
import { MenuButton } from '../common/MenuButton';
import { RenameField } from '../common/RenameField';
import { useGloss } from '../store';
import type { CodeRow as Row } from '../store/selectors';
import type { RowProps } from '../common/VirtualList';
import { countOf, formatCount } from '../common/format-count';
import { ColorSwatch } from './ColorSwatch';
import { startDeleteCode, startDescribeCode, startMoveCode } from './actions';
import { draggedCode, endCodeDrag, isCodeDrag, startCodeDrag } from './code-drag';
import { NewSubCodeDialog } from './NewSubCodeDialog';
import { usePins, useProjectKey } from './digit-keys';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

/** `place` positions it in the virtual list (CodesPane); `digit` is its digit key (codes/digit-keys.ts). */
export function CodeRow({ row, place, digit }: { row: Row; place: RowProps; digit?: number }) {
  const { code, depth, count } = row;
  const readOnly = useGloss((s) => s.readOnly);
  const project = useGloss((s) => s.project);
  const setExcerptCodes = useGloss((s) => s.setExcerptCodes);
  const setView = useGloss((s) => s.setView);
  const [renaming, setRenaming] = useState(false);
  const [dropping, setDropping] = useState(false);
  const [contextAt, setContextAt] = useState<{ x: number; y: number } | null>(null);
  const [creatingChild, setCreatingChild] = useState(false);
  const projectKey = useProjectKey();
  const pinned = usePins((s) => s.byProject[projectKey]?.includes(code.id) ?? false);
  const togglePin = usePins((s) => s.toggle);

  const actions = (): MenuItem[] => [
    { label: 'Show excerpts', onSelect: showExcerpts },
    { label: 'New sub-code…', onSelect: () => setCreatingChild(true), disabled: readOnly },
    ...(code.codable ? [{ label: pinned ? 'Unpin from its digit key' : 'Pin to a digit key (1–9)', onSelect: () => togglePin(projectKey, code.id) }] : []),
    { label: 'Rename…', onSelect: () => setRenaming(true), disabled: readOnly },
    { label: 'Describe…', onSelect: () => startDescribeCode(code), disabled: readOnly },
    { label: 'Move to…', onSelect: () => startMoveCode(code), disabled: readOnly },
    { label: 'Delete…', onSelect: () => startDeleteCode(code), danger: true, disabled: readOnly },
  ];

  function showExcerpts() {
    setExcerptCodes([code.id]);
    setView('excerpts');
  }

  const canDropHere = () => {
    const dragged = draggedCode();
    return !!dragged && !!project && dragged !== code.id && !descendantIds(project, dragged).includes(code.id);
  };
  const onDragOver = (event: DragEvent) => {
    if (!isCodeDrag(event) || !canDropHere()) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropping(true);
  };
  const onDrop = (event: DragEvent) => {
    setDropping(false);
    const dragged = draggedCode();
    if (!isCodeDrag(event) || !dragged || !canDropHere()) return;
    event.preventDefault();
    event.stopPropagation();
    endCodeDrag();
    void run({ type: 'moveCode', codeId: dragged, parentId: code.id });
  };

  return (
    <li
      {...place}
      className={dropping ? 'row code-row drop-target' : 'row code-row'}
      aria-level={depth + 1}
      style={{ ...place.style, paddingLeft: 4 + depth * 16 }}
      draggable={!readOnly && !renaming}
      onDragStart={(e) => startCodeDrag(e, code.id)}
      onDragEnd={endCodeDrag}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
      onContextMenu={(e) => (e.preventDefault(), setContextAt({ x: e.clientX, y: e.clientY }))}
      data-code-id={code.id}
    >
      <ColorSwatch
        label={`Colour of ${visibleName(code.name)}`}
        color={code.color}
        disabled={readOnly}
        onChange={(color) => void run({ type: 'recolorCode', codeId: code.id, color })}
      />
      {renaming ? (
        <RenameField
          label={`New name for ${visibleName(code.name)}`}
          initial={code.name}
          onSave={(name) => {
            setRenaming(false);
            void run({ type: 'renameCode', codeId: code.id, name });
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <>
          <button type="button" className="row-main" onClick={showExcerpts} title={code.description || `Show the excerpts coded “${visibleName(code.name)}”`}>
            <span className="row-name">{visibleName(code.name)}</span>
          </button>
          {digit !== undefined && (
            <kbd className="digit-key" title={`Press ${digit} to apply “${visibleName(code.name)}” to the selected text`}>
              {digit}
            </kbd>
          )}
          <span className="count" title={countOf(count, 'coding', 'codings')}>
            {formatCount(count)}
          </span>
        </>
      )}
      <MenuButton label={`More actions for ${visibleName(code.name)}`} items={actions} />
      {creatingChild && <NewSubCodeDialog parent={code} onClose={() => setCreatingChild(false)} />}
      {contextAt && <Menu label={`Actions for ${visibleName(code.name)}`} items={actions()} at={contextAt} onClose={() => setContextAt(null)} />}
    </li>
  );
}
