/** A hidden <input type=file> that buttons and menu commands open with openPicker(id). */
export function HiddenPicker({ id, accept, multiple = false, onFiles }: { id: string; accept: string; multiple?: boolean; onFiles: (files: File[]) => void }) {
  return (
    <input
      id={id}
      type="file"
      accept={accept}
      multiple={multiple}
      hidden
      onChange={(event) => {
        const files = [...(event.target.files ?? [])];
        event.target.value = ''; // so that choosing the same file again reads it again
        if (files.length > 0) onFiles(files);
      }}
    />
  );
}
