// The mail layout in MJML. It is compiled when it changes (`npm run mail:layout` writes
// layout.compiled.ts), not in the server: each mail only fills its slots with escaped text, so a mail costs
// microseconds rather than an MJML run, and the server does not load MJML (about 50 MB of memory).
export const MAIL_LAYOUT_MJML = `<mjml lang="en-GB">
  <mj-head>
    <mj-title>%%SUBJECT%%</mj-title>
    <mj-preview>%%PREVIEW%%</mj-preview>
    <mj-attributes>
      <mj-all font-family="Arial, Helvetica, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1f2933" />
    </mj-attributes>
    <mj-style>
      blockquote { margin: 0 0 16px; padding: 8px 16px; border-left: 4px solid #9aa5b1; color: #323f4b; }
      h2 { font-size: 18px; margin: 24px 0 8px; }
      a { color: #1d4ed8; }
    </mj-style>
  </mj-head>
  <mj-body background-color="#f4f5f7">
    <mj-section padding="16px 0 0">
      <mj-column><mj-text font-size="14px" font-weight="bold" color="#323f4b">Mutuals Network</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="16px 8px">
      <mj-column>
        <mj-text>%%BODY%%</mj-text>
        <mj-button href="%%ACTION_URL%%" background-color="#1d4ed8" color="#ffffff" font-size="16px" align="left">%%ACTION_TEXT%%</mj-button>
        <mj-text>%%SECTIONS%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="8px 0 24px">
      <mj-column><mj-text font-size="13px" color="#3e4c59">%%FOOTER%%</mj-text></mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
