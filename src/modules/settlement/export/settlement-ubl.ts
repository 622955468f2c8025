import { createWriteStream } from 'fs';
import { once } from 'events';
import { euroDecimal, MILESTONE_NL } from '../settlement-format';
import { SettlementDocumentData, SUPPLIER, vatPercentText } from './settlement-document-data';

export const UBL_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const UBL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
/** Inburgering courses are exempt from VAT (Wet OB art. 11 lid 1 sub o: education). */
const EXEMPTION_REASON = 'Vrijgesteld van btw: onderwijs (art. 11 lid 1 sub o Wet OB)';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const amount = (tag: string, cents: number): string => `<cbc:${tag} currencyID="EUR">${euroDecimal(cents)}</cbc:${tag}>`;
const category = (bp: number): string => (bp === 0 ? 'E' : 'S');
const percent = (bp: number): string => (bp / 100).toFixed(2);

function taxCategory(tag: 'TaxCategory' | 'ClassifiedTaxCategory', bp: number): string {
  return `<cac:${tag}><cbc:ID>${category(bp)}</cbc:ID><cbc:Percent>${percent(bp)}</cbc:Percent>${
    bp === 0 && tag === 'TaxCategory' ? `<cbc:TaxExemptionReason>${esc(EXEMPTION_REASON)}</cbc:TaxExemptionReason>` : ''
  }<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:${tag}>`;
}

/**
 * The run as an e-invoice: UBL 2.1 Invoice following Peppol BIS Billing 3.0 / NLCIUS, as Dutch public bodies
 * receive invoices. Totals equal the sheet's. A credit line is quantity −1 at a positive price (BR-27: no negative
 * prices). The buyer's Peppol endpoint is its OIN (scheme 0190), derived from its CBS code until OINs are stored.
 */
export async function writeSettlementUbl(d: SettlementDocumentData, filename: string): Promise<void> {
  const { run } = d;
  if (!run.invoiceNumber || !run.invoiceDate) throw new Error('Only a final run has an e-invoice');
  const out = createWriteStream(filename, { encoding: 'utf8' });
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const cbs = run.municipality.cbsCode.replace(/\D/g, '').padStart(4, '0');
  const oin = `0000000100${cbs}000000`.slice(0, 20);
  const due = new Date(`${run.invoiceDate}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + 30);
  await write(
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
      `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" ` +
      `xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ` +
      `xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">\n` +
      `<cbc:CustomizationID>${UBL_CUSTOMIZATION_ID}</cbc:CustomizationID>\n` +
      `<cbc:ProfileID>${UBL_PROFILE_ID}</cbc:ProfileID>\n` +
      `<cbc:ID>${esc(run.invoiceNumber)}</cbc:ID>\n` +
      `<cbc:IssueDate>${run.invoiceDate}</cbc:IssueDate>\n` +
      `<cbc:DueDate>${due.toISOString().slice(0, 10)}</cbc:DueDate>\n` +
      `<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>\n` +
      `<cbc:Note>${esc(`Afrekening inburgering ${run.municipality.name}, periode ${run.periodFrom} t/m ${run.periodTo}`)}</cbc:Note>\n` +
      `<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>\n` +
      `<cbc:BuyerReference>${esc(run.municipality.debtorNumber ?? run.municipality.cbsCode)}</cbc:BuyerReference>\n` +
      `<cac:InvoicePeriod><cbc:StartDate>${run.periodFrom}</cbc:StartDate><cbc:EndDate>${run.periodTo}</cbc:EndDate></cac:InvoicePeriod>\n` +
      `<cac:AccountingSupplierParty><cac:Party>` +
      `<cbc:EndpointID schemeID="0106">${SUPPLIER.kvk}</cbc:EndpointID>` +
      `<cac:PartyName><cbc:Name>${esc(SUPPLIER.name)}</cbc:Name></cac:PartyName>` +
      `<cac:PostalAddress><cbc:StreetName>${esc(SUPPLIER.street)}</cbc:StreetName><cbc:CityName>${esc(SUPPLIER.city)}</cbc:CityName>` +
      `<cbc:PostalZone>${esc(SUPPLIER.postalCode)}</cbc:PostalZone><cac:Country><cbc:IdentificationCode>${SUPPLIER.country}</cbc:IdentificationCode></cac:Country></cac:PostalAddress>` +
      `<cac:PartyTaxScheme><cbc:CompanyID>${SUPPLIER.vatNumber}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>` +
      `<cac:PartyLegalEntity><cbc:RegistrationName>${esc(SUPPLIER.name)}</cbc:RegistrationName><cbc:CompanyID schemeID="0106">${SUPPLIER.kvk}</cbc:CompanyID></cac:PartyLegalEntity>` +
      `<cac:Contact><cbc:ElectronicMail>${esc(SUPPLIER.email)}</cbc:ElectronicMail></cac:Contact>` +
      `</cac:Party></cac:AccountingSupplierParty>\n` +
      `<cac:AccountingCustomerParty><cac:Party>` +
      `<cbc:EndpointID schemeID="0190">${oin}</cbc:EndpointID>` +
      `<cac:PartyIdentification><cbc:ID>${esc(run.municipality.debtorNumber ?? run.municipality.cbsCode)}</cbc:ID></cac:PartyIdentification>` +
      `<cac:PartyName><cbc:Name>${esc(`Gemeente ${run.municipality.name}`)}</cbc:Name></cac:PartyName>` +
      `<cac:PostalAddress><cbc:CityName>${esc(run.municipality.name)}</cbc:CityName><cac:Country><cbc:IdentificationCode>NL</cbc:IdentificationCode></cac:Country></cac:PostalAddress>` +
      `<cac:PartyLegalEntity><cbc:RegistrationName>${esc(`Gemeente ${run.municipality.name}`)}</cbc:RegistrationName></cac:PartyLegalEntity>` +
      `</cac:Party></cac:AccountingCustomerParty>\n` +
      `<cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode><cbc:PaymentID>${esc(run.invoiceNumber)}</cbc:PaymentID>` +
      `<cac:PayeeFinancialAccount><cbc:ID>${SUPPLIER.iban}</cbc:ID><cbc:Name>${esc(SUPPLIER.name)}</cbc:Name></cac:PayeeFinancialAccount></cac:PaymentMeans>\n` +
      `<cac:PaymentTerms><cbc:Note>Betaling binnen 30 dagen onder vermelding van het factuurnummer</cbc:Note></cac:PaymentTerms>\n` +
      `<cac:TaxTotal>${amount('TaxAmount', run.vatCents)}` +
      d.vat
        .map((v) => `<cac:TaxSubtotal>${amount('TaxableAmount', v.netCents)}${amount('TaxAmount', v.vatCents)}${taxCategory('TaxCategory', v.rateBasisPoints)}</cac:TaxSubtotal>`)
        .join('') +
      `</cac:TaxTotal>\n` +
      `<cac:LegalMonetaryTotal>${amount('LineExtensionAmount', run.subtotalCents)}${amount('TaxExclusiveAmount', run.subtotalCents)}` +
      `${amount('TaxInclusiveAmount', run.totalCents)}${amount('PayableAmount', run.totalCents)}</cac:LegalMonetaryTotal>\n`,
  );
  for await (const batch of d.lines) {
    let chunk = '';
    for (const l of batch) {
      const credit = l.amountCents < 0;
      const name = `${MILESTONE_NL[l.kind] ?? l.kind} ${l.learnerNumber} ${l.product.name}`;
      chunk +=
        `<cac:InvoiceLine><cbc:ID>${l.lineNo}</cbc:ID><cbc:InvoicedQuantity unitCode="C62">${credit ? '-1' : '1'}</cbc:InvoicedQuantity>` +
        `${amount('LineExtensionAmount', l.amountCents)}` +
        `<cac:InvoicePeriod><cbc:StartDate>${l.eventDate}</cbc:StartDate><cbc:EndDate>${l.eventDate}</cbc:EndDate></cac:InvoicePeriod>` +
        `<cac:Item><cbc:Description>${esc(`${l.learnerName}: ${l.basis}${l.late ? ' (nagekomen)' : ''}`)}</cbc:Description><cbc:Name>${esc(name)}</cbc:Name>` +
        `${taxCategory('ClassifiedTaxCategory', l.vatRateBasisPoints)}</cac:Item>` +
        `<cac:Price>${amount('PriceAmount', Math.abs(l.amountCents))}</cac:Price></cac:InvoiceLine>\n`;
    }
    await write(chunk);
  }
  await write('</Invoice>\n');
  out.end();
  await once(out, 'finish');
}

export { vatPercentText };
