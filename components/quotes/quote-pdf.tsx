import { Canvas, Document, Image, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ComponentProps } from 'react';
import { formatDate } from '@/lib/dates';
import { formatMoney } from '@/lib/money';
import { formatScaled } from '@/lib/numbers';
import type { QuotePdfData } from '@/lib/pdf/protocol';
import { paymentTermsText, quoteLabel } from '@/lib/quotes/status';
import { quoteTotals } from '@/lib/quotes/totals';

// The PDF draws the same content as components/quotes/quote-document.tsx, with the built-in
// Helvetica so no font file is needed. Figures come from lib through the stored lines. It is laid
// out in the PDF renderer process (scripts/pdf-renderer.ts), never in the web server's.
//
// Speed: a node with a `render` prop (the usual "Page 3 of 49") makes react-pdf lay out the whole
// rest of the document again at every page break, which was almost half the time of a 200-line
// quote. The page number is painted instead, when each page is drawn, by a fixed Canvas in the
// footer: pages are drawn in order, after layout, so a counter gives each its number at no layout cost.
const BRAND = '#2f6fed';
const FOOTER_COLOR = '#94a3b8';
const s = StyleSheet.create({
  page: { padding: 40, fontSize: 10, fontFamily: 'Helvetica', color: '#0f172a' },
  header: { flexDirection: 'row', justifyContent: 'space-between', borderBottom: '1pt solid #e2e8f0', paddingBottom: 14 },
  brand: { fontSize: 16, fontFamily: 'Helvetica-Bold', color: BRAND },
  company: { maxWidth: 260 },
  logo: { maxWidth: 160, maxHeight: 48, objectFit: 'contain', objectPosition: 'left', marginBottom: 6 },
  companyName: { fontFamily: 'Helvetica-Bold', fontSize: 11 },
  owner: { color: '#64748b', marginTop: 4 },
  muted: { color: '#64748b' },
  meta: { flexDirection: 'row', justifyContent: 'flex-end', gap: 8 },
  metaLabel: { color: '#64748b', width: 70, textAlign: 'right' },
  metaValue: { width: 110, textAlign: 'right' },
  section: { marginTop: 16 },
  caps: { fontSize: 8, color: '#64748b', letterSpacing: 1, marginBottom: 3 },
  bold: { fontFamily: 'Helvetica-Bold' },
  title: { fontSize: 13, fontFamily: 'Helvetica-Bold', marginTop: 10 },
  table: { marginTop: 16 },
  th: { flexDirection: 'row', backgroundColor: '#f1f5f9', paddingVertical: 5, paddingHorizontal: 4, fontSize: 8, color: '#475569' },
  tr: { flexDirection: 'row', paddingVertical: 5, paddingHorizontal: 4, borderBottom: '0.5pt solid #e2e8f0' },
  sectionRow: { paddingTop: 10, paddingBottom: 3, paddingHorizontal: 4, fontFamily: 'Helvetica-Bold' },
  cDesc: { flex: 1 },
  cNum: { width: 62, textAlign: 'right' },
  totals: { marginTop: 14, marginLeft: 'auto', width: 230 },
  totalRow: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 2 },
  grand: { flexDirection: 'row', justifyContent: 'space-between', paddingTop: 5, marginTop: 3, borderTop: '1pt solid #cbd5e1', fontFamily: 'Helvetica-Bold', fontSize: 12 },
  footer: { position: 'absolute', bottom: 24, left: 40, right: 40, fontSize: 8, color: FOOTER_COLOR, flexDirection: 'row', justifyContent: 'space-between' },
  pageNumber: { width: 80, height: 10 },
});

type Paint = NonNullable<ComponentProps<typeof Canvas>['paint']>;

/** Paints "Page N" on each page as it is drawn; one counter per document rendered. */
function pageNumberPainter(): Paint {
  let pagesDrawn = 0;
  return (painter, width) => {
    pagesDrawn += 1;
    return painter.font('Helvetica').fontSize(8).fillColor(FOOTER_COLOR).text(`Page ${pagesDrawn}`, 0, 0, { width, align: 'right' });
  };
}

export function QuotePdf({ quote, lines, company }: QuotePdfData) {
  const money = (c: number) => formatMoney(c, quote.currency);
  const totals = quoteTotals(lines);
  const label = quoteLabel(quote.number, quote.revision);
  const discounts = lines.some((l) => l.discountBp > 0);
  return (
    <Document title={`Quote ${label}`} author={company.name} creator="Keel">
      <Page size="A4" style={s.page}>
        <View style={s.header}>
          <View style={s.company}>
            {/* A PNG or JPEG logo above the name; with none (or an SVG one) the name is the brand. */}
            {/* react-pdf's Image has no alt text to give (jsx-a11y takes it for an HTML <img>); the name follows as text. */}
            {/* eslint-disable-next-line jsx-a11y/alt-text */}
            {company.logo ? <Image src={company.logo} style={s.logo} /> : null}
            <Text style={company.logo ? s.companyName : s.brand}>{company.name}</Text>
            {company.address ? <Text style={s.muted}>{company.address}</Text> : null}
            {company.taxId ? <Text style={s.muted}>Tax ID {company.taxId}</Text> : null}
            {quote.ownerName ? <Text style={s.owner}>{[quote.ownerName, quote.ownerEmail].filter(Boolean).join(' · ')}</Text> : null}
          </View>
          <View>
            <View style={s.meta}>
              <Text style={s.metaLabel}>Quote</Text>
              <Text style={[s.metaValue, s.bold]}>{label}</Text>
            </View>
            <View style={s.meta}>
              <Text style={s.metaLabel}>Valid until</Text>
              <Text style={s.metaValue}>{formatDate(quote.validUntil)}</Text>
            </View>
            <View style={s.meta}>
              <Text style={s.metaLabel}>Payment</Text>
              <Text style={s.metaValue}>{paymentTermsText(quote.paymentTerms, quote.paymentTermsText)}</Text>
            </View>
          </View>
        </View>

        <View style={s.section}>
          <Text style={s.caps}>PREPARED FOR</Text>
          <Text style={s.bold}>{quote.companyName ?? quote.contactName ?? 'Customer'}</Text>
          {quote.companyName && quote.contactName ? <Text>Attn. {quote.contactName}</Text> : null}
          {quote.companyAddress ? <Text style={s.muted}>{quote.companyAddress}</Text> : null}
          {quote.title ? <Text style={s.title}>{quote.title}</Text> : null}
        </View>

        <View style={s.table}>
          <View style={s.th} fixed>
            <Text style={s.cDesc}>Description</Text>
            <Text style={s.cNum}>Qty</Text>
            <Text style={s.cNum}>Unit price</Text>
            {discounts ? <Text style={s.cNum}>Discount</Text> : null}
            <Text style={s.cNum}>Tax</Text>
            <Text style={s.cNum}>Amount</Text>
          </View>
          {lines.map((l) =>
            l.kind === 'section' ? (
              <Text key={l.id} style={s.sectionRow}>
                {l.description}
              </Text>
            ) : (
              <View key={l.id} style={s.tr} wrap={false}>
                <View style={s.cDesc}>
                  <Text>{l.description || l.productName}</Text>
                  {l.productSku ? <Text style={[s.muted, { fontSize: 8 }]}>{l.productSku}</Text> : null}
                </View>
                <Text style={s.cNum}>{formatScaled(l.quantityMilli, 3)}</Text>
                <Text style={s.cNum}>{money(l.unitPriceCents)}</Text>
                {discounts ? <Text style={s.cNum}>{l.discountBp ? `${formatScaled(l.discountBp, 2)}%` : '-'}</Text> : null}
                <Text style={s.cNum}>{formatScaled(l.taxRateBp, 2)}%</Text>
                <Text style={[s.cNum, s.bold]}>{money(l.netCents)}</Text>
              </View>
            ),
          )}
        </View>

        <View style={s.totals} wrap={false}>
          <View style={s.totalRow}>
            <Text>Subtotal</Text>
            <Text>{money(totals.subtotalCents)}</Text>
          </View>
          <View style={s.totalRow}>
            <Text>Discount</Text>
            <Text>{totals.discountCents ? `-${money(totals.discountCents)}` : money(0)}</Text>
          </View>
          <View style={[s.totalRow, s.bold]}>
            <Text>Net total</Text>
            <Text>{money(totals.netCents)}</Text>
          </View>
          {totals.taxes.map((t) => (
            <View key={t.rateBp} style={s.totalRow}>
              <Text>
                Tax {formatScaled(t.rateBp, 2)}% on {money(t.baseCents)}
              </Text>
              <Text>{money(t.taxCents)}</Text>
            </View>
          ))}
          <View style={s.grand}>
            <Text>Total</Text>
            <Text>{money(totals.totalCents)}</Text>
          </View>
        </View>

        {quote.notes ? (
          <View style={s.section} wrap={false}>
            <Text style={s.caps}>NOTES</Text>
            <Text>{quote.notes}</Text>
          </View>
        ) : null}
        {quote.terms ? (
          <View style={s.section}>
            <Text style={s.caps}>TERMS AND CONDITIONS</Text>
            <Text>{quote.terms}</Text>
          </View>
        ) : null}

        <View style={s.footer} fixed>
          <Text>
            {company.name} · Quote {label}
          </Text>
          <Canvas style={s.pageNumber} paint={pageNumberPainter()} />
        </View>
      </Page>
    </Document>
  );
}
