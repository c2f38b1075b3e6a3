/**
 * One code in the tree: colour swatch (its colour picker), name (shows its excerpts), count
 * of codings, its digit key when it has one, and a menu to make a sub-code, pin it to a digit
 * key, rename, describe, move (to another parent, or up and down among its siblings), merge
 * or delete it. A code can be dragged onto another to nest it there, or onto a row's upper
 * or lower edge to put it before or after that row.
 */
import { useState, type DragEvent } from 'react';
import { Menu, type MenuItem } from '../common/Menu';
import { MenuButton } from '../common/MenuButton';
import { RenameField } from '../common/RenameField';
import { useGloss } from '../store';
import type { CodeRow as Row } from '../store/selectors';
import type { RowProps } from '../common/VirtualList';
import { countOf, formatCount } from '../common/format-count';
import { ColorSwatch } from './ColorSwatch';
import { canDrop, canMoveBy, dropCode, moveCodeBy, startDeleteCode, startDescribeCode, startMergeCode, startMoveCode } from './actions';
import { draggedCode, dropZoneAt, endCodeDrag, isCodeDrag, startCodeDrag, type DropZone } from './code-drag';
import { NewSubCodeDialog } from './NewSubCodeDialog';
import { usePins, useProjectKey } from './digit-keys';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

/**
 * `place` positions it in the virtual list (CodesPane); `match` marks a row the search found;
 * `digit` is its digit key (codes/digit-keys.ts).
 */
export function CodeRow({ row, place, match = false, digit }: { row: Row; place: RowProps; match?: boolean; digit?: number | undefined }) {
  const { code, depth, count } = row;
  const readOnly = useGloss((s) => s.readOnly);
  const setExcerptCodes = useGloss((s) => s.setExcerptCodes);
  const setView = useGloss((s) => s.setView);
  const [renaming, setRenaming] = useState(false);
  const [dropping, setDropping] = useState<DropZone | null>(null);
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
    { label: 'Move up', onSelect: () => void moveCodeBy(code, -1), disabled: readOnly || !canMoveBy(code, -1) },
    { label: 'Move down', onSelect: () => void moveCodeBy(code, 1), disabled: readOnly || !canMoveBy(code, 1) },
    { label: 'Merge into…', onSelect: () => startMergeCode(code), disabled: readOnly },
    { label: 'Delete…', onSelect: () => startDeleteCode(code), danger: true, disabled: readOnly },
  ];

  function showExcerpts() {
    setExcerptCodes([code.id]);
    setView('excerpts');
  }

  const zoneOf = (event: DragEvent): DropZone => {
    const rect = event.currentTarget.getBoundingClientRect();
    return dropZoneAt(event.clientY, rect.top, rect.height);
  };
  const onDragOver = (event: DragEvent) => {
    const dragged = draggedCode();
    if (!isCodeDrag(event) || !dragged) return;
    const zone = zoneOf(event);
    if (!canDrop(dragged, code, zone)) return setDropping(null);
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropping(zone);
  };
  const onDrop = (event: DragEvent) => {
    setDropping(null);
    const dragged = draggedCode();
    if (!isCodeDrag(event) || !dragged) return;
    const zone = zoneOf(event);
    if (!canDrop(dragged, code, zone)) return;
    event.preventDefault();
    event.stopPropagation();
    endCodeDrag();
    void dropCode(dragged, code, zone);
  };

  return (
    <li
      {...place}
      className={['row code-row', dropping === 'inside' ? 'drop-target' : dropping ? `drop-${dropping}` : '', match ? 'search-match' : ''].filter(Boolean).join(' ')}
      aria-level={depth + 1}
      style={{ ...place.style, paddingLeft: 4 + depth * 16 }}
      draggable={!readOnly && !renaming}
      onDragStart={(e) => startCodeDrag(e, code.id)}
      onDragEnd={endCodeDrag}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(null)}
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
