import type { PdfEl } from "../protocol.gen";

/** `st.pdf`: the browser's own PDF viewer; where it has none, a link to open the file. */
export function Pdf({ el }: { el: PdfEl }) {
  const stretch = el.height === "stretch";
  return (
    <div className={stretch ? "pdf pdf-stretch" : "pdf"} style={stretch ? undefined : { height: el.height }}>
      <object data={el.url} type="application/pdf" aria-label={el.alt ?? "PDF document"}>
        <div className="pdf-fallback">
          <p>This browser cannot show the PDF here.</p>
          <a href={el.url} target="_blank" rel="noopener noreferrer">
            Open the PDF
          </a>
        </div>
      </object>
    </div>
  );
}
