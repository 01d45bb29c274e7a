import { type ReactNode, useEffect, useRef } from 'react';

interface Props {
  readonly titleId: string;
  readonly describedBy?: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/**
 * A native modal `<dialog>`: the browser traps focus and closes it on Escape. It is opened once and
 * never closed from an effect's cleanup: React's strict mode runs effects twice, and that close
 * would fire `onClose` and shut the dialog right after it opened. Unmounting removes it anyway;
 * the button that opened it gets the focus back.
 */
export function Modal({ titleId, describedBy, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    opener.current ??= document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    // Where a choice is risky, the dialog names the safe button to start on.
    dialog?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    return () => {
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
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
