/**
 * The guide's style sheet, inlined in every page (one request per page on a slow line; no script).
 * Colours, type sizes, radii and the focus ring are the Digital Agency design tokens
 * (@digital-go-jp/design-tokens, dist/tokens.css), copied for the few used. Sizes are in rem and
 * the layout is one column with a maximum width, so text zoomed to 200 % reflows without loss.
 * The print rules make the answer a one-page checklist.
 */
export const GUIDE_CSS = `
:root{--color-primitive-blue-900:#0017c1;--color-primitive-blue-1000:#00118f;--color-primitive-blue-50:#e8f1fe;--color-primitive-red-900:#ce0000;--color-primitive-red-50:#fdeeee;--color-primitive-yellow-300:#ffd43d;--color-primitive-green-50:#e6f5ec;--color-primitive-green-900:#115a36;--color-neutral-white:#fff;--color-neutral-black:#000;--color-neutral-solid-gray-50:#f2f2f2;--color-neutral-solid-gray-420:#949494;--color-neutral-solid-gray-700:#4d4d4d;--color-neutral-solid-gray-800:#333;--color-neutral-solid-gray-900:#1a1a1a;--font-family-sans:'Noto Sans JP',-apple-system,BlinkMacSystemFont,sans-serif;--font-size-16:1rem;--font-size-17:1.0625rem;--font-size-20:1.25rem;--font-size-24:1.5rem;--font-size-28:1.75rem;--line-height-170:1.7;--border-radius-8:.5rem}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:var(--font-family-sans);font-size:var(--font-size-17);line-height:var(--line-height-170);color:var(--color-neutral-solid-gray-900);background:var(--color-neutral-white);overflow-wrap:anywhere}
a{color:var(--color-primitive-blue-900);text-underline-offset:.2em}
a:hover{color:var(--color-primitive-blue-1000);text-decoration-thickness:.15em}
:focus-visible,.error-summary:focus{outline:4px solid var(--color-neutral-black);outline-offset:2px;box-shadow:0 0 0 6px var(--color-primitive-yellow-300)}
main:focus{outline:none;box-shadow:none}
.skip{position:absolute;left:-999rem}
.skip:focus{left:.5rem;top:.5rem;background:var(--color-neutral-white);padding:.5rem 1rem;z-index:1}
.wrap{max-width:46rem;margin:0 auto;padding:0 1rem}
header.site{border-bottom:1px solid var(--color-neutral-solid-gray-420);padding:.75rem 0}
.training-band{margin:-.75rem 0 .75rem;padding:.5rem 1rem;background:var(--color-primitive-yellow-300);color:var(--color-neutral-black);font-weight:700;text-align:center;border-bottom:2px solid var(--color-neutral-black)}
.site-name{margin:0;font-weight:700;font-size:var(--font-size-20)}
.site-name a{color:inherit;text-decoration:none}
.langs ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.langs a{display:inline-block;padding:.25rem 0}
.langs a[aria-current]{font-weight:700;color:var(--color-neutral-solid-gray-900);text-decoration:none}
main{display:block;padding:1rem 0 2rem}
h1{font-size:var(--font-size-28);line-height:1.4;margin:.5rem 0 1rem}
h2{font-size:var(--font-size-24);line-height:1.4;margin:2rem 0 .75rem}
h3{font-size:var(--font-size-20);line-height:1.4;margin:1rem 0 .25rem}
p,ul,ol,dl{margin:0 0 1rem}
ul.situations{list-style:none;padding:0}
ul.situations li{margin:.5rem 0}
ul.situations a{display:block;padding:.75rem 1rem;border:1px solid var(--color-neutral-solid-gray-420);border-radius:var(--border-radius-8);font-weight:700}
.hint{color:var(--color-neutral-solid-gray-700);margin:0 0 .5rem}
.tag{font-weight:400;color:var(--color-neutral-solid-gray-700)}
.field{margin:0 0 1.5rem;padding:0;border:0}
.field label,.field legend{display:block;font-weight:700;padding:0}
.field.error{border-left:4px solid var(--color-primitive-red-900);padding-left:.75rem}
.error-message{color:var(--color-primitive-red-900);font-weight:700;margin:0 0 .5rem}
input[type=date],input[type=text],textarea{font:inherit;padding:.5rem;min-height:3rem;width:100%;max-width:14rem;border:2px solid var(--color-neutral-solid-gray-800);border-radius:var(--border-radius-8)}
textarea{max-width:100%}
[aria-invalid=true]{border-color:var(--color-primitive-red-900)}
.radios label{display:flex;align-items:center;gap:.5rem;font-weight:400;margin:.25rem 0;min-height:2.75rem}
input[type=radio],input[type=checkbox]{width:1.5rem;height:1.5rem;margin:0;flex:none;accent-color:var(--color-primitive-blue-900)}
button{font:inherit;font-weight:700;color:var(--color-neutral-white);background:var(--color-primitive-blue-900);border:0;border-radius:var(--border-radius-8);padding:.75rem 1.5rem;min-height:3rem;cursor:pointer}
button:hover{background:var(--color-primitive-blue-1000)}
button.secondary{color:var(--color-primitive-blue-900);background:var(--color-neutral-white);border:2px solid currentColor;margin-left:.5rem}
button.secondary:hover{background:var(--color-primitive-blue-50)}
.error-summary{border:4px solid var(--color-primitive-red-900);padding:1rem;margin:0 0 1.5rem}
.error-summary h2{margin-top:0;font-size:var(--font-size-20)}
.error-summary a{color:var(--color-primitive-red-900);font-weight:700}
.urgent{border:4px solid var(--color-primitive-red-900);background:var(--color-primitive-red-50);padding:1rem;border-radius:var(--border-radius-8)}
.urgent h2{margin-top:0;color:var(--color-primitive-red-900)}
.hotline{font-size:var(--font-size-28);font-weight:700;margin:0 0 .5rem}
.deadline{border-left:6px solid var(--color-primitive-blue-900);background:var(--color-primitive-blue-50);padding:.75rem 1rem;margin:0 0 1rem}
.deadline.passed{border-color:var(--color-primitive-red-900);background:var(--color-primitive-red-50)}
.deadline h3{margin-top:0}
.deadline dl{margin:0 0 .5rem}
.deadline dt{font-weight:700}
.deadline dd{margin:0 0 .25rem}
.date{font-weight:700;font-size:var(--font-size-20)}
.wareki{font-weight:400;font-size:var(--font-size-16)}
.countdown{font-weight:700}
.notes{color:var(--color-neutral-solid-gray-800);font-size:var(--font-size-16)}
ol.steps li,ul.warnings li{margin:0 0 .75rem}
ul.checklist{list-style:none;padding:0}
ul.checklist li{display:flex;gap:.75rem;align-items:flex-start;margin:0 0 .5rem}
ul.checklist input{margin-top:.3rem}
table.fee{border-collapse:collapse;margin:0 0 1rem}
table.fee th,table.fee td{border:1px solid var(--color-neutral-solid-gray-420);padding:.25rem .75rem;text-align:left}
table.fee td{text-align:right}
ul.offices{list-style:none;padding:0}
ul.offices>li{border-top:1px solid var(--color-neutral-solid-gray-420);padding:.5rem 0}
.office-en,.unconfirmed{color:var(--color-neutral-solid-gray-700)}
ul.offices summary{cursor:pointer;padding:.25rem 0;min-height:2.75rem}
ul.offices details p{margin:.25rem 0 .25rem 1.25rem}
.office-tel{margin:0 0 0 1.25rem}
.tel{white-space:nowrap}
.hotline-foreign{border:2px solid var(--color-primitive-blue-900);background:var(--color-primitive-blue-50);padding:.5rem 1rem;margin:1rem 0;border-radius:var(--border-radius-8)}
.hotline-foreign h2{margin:0;font-size:var(--font-size-20)}
.answers dd{margin:0 0 .5rem;font-weight:700}
@media (min-width:36rem){.deadline dl{display:grid;grid-template-columns:minmax(0,auto) minmax(0,1fr);gap:.25rem 1rem}.deadline dd{margin:0}.answers dl{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,auto);gap:.25rem 1rem}.answers dd{margin:0}}
.privacy,.print-hint,.as-of{color:var(--color-neutral-solid-gray-700);font-size:var(--font-size-16)}
footer.site{border-top:1px solid var(--color-neutral-solid-gray-420);padding:1rem 0;font-size:var(--font-size-16);background:var(--color-neutral-solid-gray-50)}
ruby rt{font-size:.55em}
@media print{
@page{size:A4;margin:9mm}
body{font-size:8.5pt;line-height:1.35;background:#fff}
header.site .langs,.skip,.no-print,form,.answers,.place-notes,.handles,.hotline-foreign,footer.site .source{display:none!important}
header.site{border:0;padding:0}
.site-name{font-size:9pt;font-weight:400}
.wrap{max-width:none;padding:0}
main{padding:0}
h1{font-size:13pt;margin:0 0 2mm}
h2{font-size:10pt;margin:2.5mm 0 1mm;break-after:avoid}
h3{font-size:9pt;margin:0}
p,ul,ol,dl{margin:0 0 1mm}
ol.steps,ul.warnings{padding-left:4mm}
ol.steps li,ul.warnings li{margin:0 0 .5mm}
.urgent{padding:1.5mm 2mm;border-width:2px}
.hotline{font-size:12pt;margin:0}
.deadline{padding:1mm 2mm;margin:0 0 1mm;break-inside:avoid}
.deadline dl{display:grid;grid-template-columns:auto 1fr;gap:0 3mm;margin:0}.deadline dd{margin:0}
.date{font-size:9pt}
.wareki,.notes,.countdown,.as-of{font-size:8pt}
ul.checklist li{margin:0 0 .5mm;gap:2mm}
ul.checklist input{width:3.5mm;height:3.5mm;margin-top:.5mm}
ul.offices{columns:2;column-gap:5mm}
ul.offices>li{padding:.5mm 0;break-inside:avoid;border:0}
ul.offices summary,.office-tel{font-size:8pt;min-height:0;padding:0;margin:0}
ul.offices p{margin:0}
.office-en{display:none}
table.fee th,table.fee td{padding:0 2mm}
footer.site{background:none;border:0;padding:1mm 0 0;font-size:8pt}
a{color:inherit;text-decoration:none}
ruby rt{font-size:.5em}
}
`
  .trim()
  .replace(/\n/g, '');
