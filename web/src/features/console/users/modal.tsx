import { type ReactNode, useEffect, useRef } from 'react';

interface Props {
  readonly titleId: string;
  readonly describedBy?: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/**
 * A native modal `<dialog>`: the browser traps focus, closes on Escape and hands focus back to the
 * button that opened it.
 */
export function Modal({ titleId, describedBy, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Where a choice is risky, the dialog names the safe button to start on.
    dialog?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="admin-dialog"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onClose={onClose}
    >
      {children}
    </dialog>
  );
}
