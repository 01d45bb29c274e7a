import { useEffect, useRef } from 'react';
import type { SubmissionReceipt } from '../api/types.ts';
import type { Messages } from '../messages.ts';

/** After a 202: the receipt number and what happens next. Focus moves here so it is read out. */
export function ReceiptView({ receipt, messages }: { receipt: SubmissionReceipt; messages: Messages }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    window.scrollTo(0, 0);
  }, []);
  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" tabIndex={-1} ref={heading}>
        {messages.receiptTitle}
      </h2>
      <p className="receipt-number">
        {messages.receiptNumber}:{' '}
        <strong dir="ltr" data-testid="receipt-number">
          {receipt.receiptNumber}
        </strong>
      </p>
      <p>{messages.receiptNext}</p>
      <p>{messages.receiptKeep}</p>
    </section>
  );
}
