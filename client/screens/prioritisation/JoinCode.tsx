import QRCode from 'qrcode';
import { useMemo } from 'react';

/** Modules of white space around the code, which phone cameras need to find it. */
const quietZone = 4;

/**
 * A QR code as SVG, drawn from the code's modules (no canvas, no HTML strings): one path of dark squares on white,
 * crisp at any size on a projector.
 */
function QrSvg({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let squares = '';
    for (let row = 0; row < modules.size; row++) {
      for (let column = 0; column < modules.size; column++) {
        if (modules.get(row, column)) squares += `M${column + quietZone},${row + quietZone}h1v1h-1z`;
      }
    }
    return { size: modules.size + quietZone * 2, path: squares };
  }, [text]);
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      className="join__qr"
      shapeRendering="crispEdges"
      data-testid="join-qr"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#0b0c0c" />
    </svg>
  );
}

/** How people in the room join the vote: the round's voting address, written out and as a QR code. */
export function JoinCode({ url }: { url: string }) {
  return (
    <section className="join" aria-labelledby="join-heading" data-testid="join">
      <div className="join__words">
        <h2 id="join-heading">Vote on your phone or laptop</h2>
        <p>Scan the code, or go to:</p>
        <p className="join__link">
          <a href={url} data-testid="join-link">
            {url}
          </a>
        </p>
        <p className="hint">Sign in to Common Ground as yourself: your vote is yours alone.</p>
      </div>
      <QrSvg text={url} label={`QR code for the voting page, ${url}`} />
    </section>
  );
}
