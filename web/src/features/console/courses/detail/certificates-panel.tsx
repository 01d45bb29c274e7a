import { useState } from 'react';
import { ApiError, SignInRequired } from '../../api.ts';
import { ScrollRegion } from '../../inbox/scroll-region.tsx';
import {
  type CertificateView,
  downloadCertificate,
  revokeCertificate,
  useCertificates,
} from '../courses-api.ts';
import { formatTime, useCoursesText } from '../messages.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';

interface Props {
  readonly courseId: string;
  readonly canRevoke: boolean;
  readonly onDone: (message: string) => void;
}

/** The course's certificates: the PDF for anyone who may read, revoking (with a reason) for admins. */
export function CertificatesPanel({ courseId, canRevoke, onDone }: Props) {
  const { t, locale } = useCoursesText();
  const certificates = useCertificates(courseId);
  const [revoking, setRevoking] = useState<CertificateView | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const list = certificates.data ?? [];

  async function download(number: string) {
    setFailure(undefined);
    try {
      await downloadCertificate(number);
    } catch (error) {
      if (!(error instanceof SignInRequired))
        setFailure(error instanceof ApiError ? error.message : t.failed);
    }
  }

  return (
    <div>
      <h2 id="certificates-title">{t.certificates}</h2>
      {certificates.isError && !(certificates.error instanceof SignInRequired) && (
        <p role="alert" className="error">
          {t.loadFailed}
        </p>
      )}
      {certificates.isSuccess && list.length === 0 && <p>{t.noCertificates}</p>}
      {list.length > 0 && (
        <ScrollRegion labelledBy="certificates-title">
          <table className="admin-table certificates-table">
            <caption className="visually-hidden">{t.certificatesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.number}</th>
                <th scope="col">{t.issuedAt}</th>
                <th scope="col">{t.enrolmentStatus}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.downloadShort}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.number}>
                  <th scope="row">{c.name}</th>
                  <td>{c.number}</td>
                  <td>{formatTime(c.issuedAt, locale)}</td>
                  <td>
                    {t.certificateStatus[c.status] ?? c.status}
                    {c.revokedReason && <span className="muted"> ({c.revokedReason})</span>}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      aria-label={t.download(c.number)}
                      onClick={() => void download(c.number)}
                    >
                      {t.downloadShort}
                    </button>
                    {canRevoke && c.status === 'valid' && (
                      <button type="button" className="danger" onClick={() => setRevoking(c)}>
                        {t.revoke}
                        <span className="visually-hidden"> {c.number}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      {revoking && (
        <ConfirmDialog
          title={t.revokeTitle(revoking.number)}
          text={t.revokeText}
          reasonLabel={t.revokeReason}
          reasonRequired
          confirm={t.confirmRevoke}
          keep={t.keepCertificate}
          run={(reason) => revokeCertificate(revoking.number, reason)}
          onClose={() => setRevoking(undefined)}
          onDone={() => {
            setRevoking(undefined);
            onDone(t.done);
          }}
        />
      )}
    </div>
  );
}
