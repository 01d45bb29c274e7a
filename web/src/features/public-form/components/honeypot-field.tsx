import type { Ref } from 'react';

/**
 * A field people never see or reach (off-screen, aria-hidden, out of the tab order) and bots fill
 * in. Whatever it holds is sent as `website`; the server refuses a submission where it is not empty.
 */
export function HoneypotField({ label, inputRef }: { label: string; inputRef: Ref<HTMLInputElement> }) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="field-website">{label}</label>
      <input
        id="field-website"
        ref={inputRef}
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        defaultValue=""
      />
    </div>
  );
}
