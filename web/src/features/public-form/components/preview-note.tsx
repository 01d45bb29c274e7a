import type { Messages } from '../messages.ts';

/**
 * In the editor's preview: says that sending only checks, and after a valid check says so (a
 * status, announced). `checked` counts valid checks so a repeat is announced again.
 */
export function PreviewNote({ messages, checked }: { messages: Messages; checked: number }) {
  return (
    <>
      <p className="notice notice--info">{messages.previewNote}</p>
      <p role="status" key={checked} className={checked > 0 ? 'notice notice--success' : 'visually-hidden'}>
        {checked > 0 ? messages.previewValid : ''}
      </p>
    </>
  );
}
