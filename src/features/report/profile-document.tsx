/**
 * The profile and the workshop annex as react-pdf documents. They lay out a ProfileModel
 * (src/domain/profile.ts) or a WorkshopAnnexModel and decide nothing: every sentence and order comes
 * from the model. Imported only by the document worker and the command-line tool, never by a screen,
 * so react-pdf stays out of the app's bundles.
 *
 * Keep-together rules: a heading never ends a page (it travels with what follows it: a section heading
 * with its first paragraph, a domain heading with its description, a group heading with its first
 * finding); a finding short enough to fit on a page is never split, so a "Sources" line never stands
 * alone; table rows, sources and GCM objectives never split.
 *
 * Contents with page numbers in one layout pass: react-pdf cannot point forward, but it calls every
 * `render` text while it paginates (page by page, in order) and then once more on every page once the
 * total is known. Each section heading carries an empty render text that records its page while
 * paginating; the contents' numbers are render texts too, so their last call, after pagination, prints
 * the recorded pages. The contents have a page of their own and each number a fixed-width box, so the
 * numbers cannot move what they point to. (Laying the document out twice, to learn the pages first,
 * doubled the build time.)
 */
import { Document, Link, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { fill, type DomainFindings, type Finding, type FindingGroup, type ProfileModel, type SectionId } from '../../domain/profile';
import { isRtlParagraph } from '../../domain/scripts';
import type { WorkshopAnnexModel } from '../../domain/workshop-annex';
import { fontFamilies } from './fonts';

const ink = '#1b1f24';
const muted = '#4a5360';
const brand = '#0b4f8a';
const line = '#c4cad3';

const styles = StyleSheet.create({
  page: { fontSize: 10, color: ink, paddingTop: 62, paddingBottom: 56, paddingHorizontal: 56 },
  // Line height on the body, not the page: page numbers (filled in late) vanish when they inherit one.
  body: { fontSize: 10, lineHeight: 1.45 },
  cover: { color: ink, padding: 56, justifyContent: 'center' },
  coverBand: { backgroundColor: brand, height: 10, marginBottom: 28, width: 120 },
  coverTitle: { fontSize: 30, fontWeight: 700, color: brand, marginBottom: 18, lineHeight: 1.2 },
  coverGovernment: { fontSize: 22, fontWeight: 700, marginBottom: 8, lineHeight: 1.25 },
  coverLine: { fontSize: 13, marginBottom: 6 },
  coverBasis: { fontSize: 11, color: muted, marginTop: 36 },
  coverNote: { fontSize: 10, color: muted, marginTop: 8, lineHeight: 1.4 },
  header: { position: 'absolute', top: 24, left: 56, right: 56, fontSize: 8, color: muted, borderBottomWidth: 0.5, borderBottomColor: line, paddingBottom: 4 },
  footer: { position: 'absolute', bottom: 24, left: 56, right: 56 },
  footerText: { fontSize: 8, color: muted, textAlign: 'right' },
  watermarkBox: { position: 'absolute', top: 0, bottom: 0, left: 0, right: 0, justifyContent: 'center', alignItems: 'center' },
  watermark: { fontSize: 110, fontWeight: 700, color: '#b00020', opacity: 0.09, transform: 'rotate(-45deg)' },
  h1: { fontSize: 18, fontWeight: 700, color: brand, marginBottom: 10, marginTop: 4, lineHeight: 1.25 },
  h2: { fontSize: 14, fontWeight: 700, color: brand, marginTop: 14, marginBottom: 6, lineHeight: 1.25 },
  h3: { fontSize: 11.5, fontWeight: 700, marginTop: 10, marginBottom: 4, lineHeight: 1.3 },
  p: { marginBottom: 7 },
  lead: { marginBottom: 8, color: muted },
  section: { marginBottom: 14 },
  tocRow: { flexDirection: 'row', marginBottom: 7, fontSize: 11 },
  tocTitle: { flex: 1, color: brand, textDecoration: 'none' },
  // No inherited line height: react-pdf re-resolves a filled-in-late text's styles on every relayout
  // and multiplies a numeric line height by the font size each time, until the number no longer fits.
  // '' is the one value it leaves alone (the font's own line height).
  tocPage: { width: 40, textAlign: 'right', color: ink, lineHeight: '' },
  localNote: { fontSize: 9.5, borderLeftWidth: 3, borderLeftColor: brand, paddingLeft: 6, marginBottom: 8 },
  finding: { marginBottom: 8, paddingLeft: 8, borderLeftWidth: 2, borderLeftColor: line },
  sentence: { fontWeight: 700 },
  tag: { fontSize: 9, color: muted },
  narrative: { marginTop: 2 },
  cite: { fontSize: 8.5, color: muted, marginTop: 2 },
  none: { color: muted, marginBottom: 6 },
  list: { marginBottom: 6 },
  listItem: { flexDirection: 'row', marginBottom: 4 },
  bullet: { width: 14, color: muted },
  listText: { flex: 1 },
  gcmLine: { marginLeft: 10, marginBottom: 2 },
  findingHead: { flexDirection: 'row' },
  findingNumber: { width: 26, fontWeight: 700, color: brand },
  findingText: { flex: 1 },
  table: { marginBottom: 12, borderTopWidth: 0.5, borderTopColor: line },
  tableHead: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: ink, paddingVertical: 3, fontWeight: 700, fontSize: 8.5, backgroundColor: '#ffffff' },
  tableRow: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: line, paddingVertical: 4, fontSize: 8.5 },
  acronym: { width: 70, fontWeight: 700 },
  note: { marginBottom: 2 },
  rtl: { textAlign: 'right' },
});

/** A paragraph written right to left (Arabic, Hebrew) aligns on the right; react-pdf orders its words. */
const dir = (text: string) => (isRtlParagraph(text) ? styles.rtl : {});

/** Findings and rows longer than this (characters) may split across pages; shorter ones are kept whole. */
const SHORT = 1600;
const BULLET = '\u2022';
const findingLength = (f: Finding) => f.sentence.length + f.narrative.length + (f.sources?.length ?? 0) + (f.dissent?.length ?? 0);

/** Records on which page a section heading lands (first pass); prints nothing. */
type PageRecorder = (id: SectionId, page: number) => void;

function Heading({ level, children, id, onPage }: { level: 1 | 2 | 3; children: ReactNode; id?: SectionId; onPage?: PageRecorder }) {
  const style = level === 1 ? styles.h1 : level === 2 ? styles.h2 : styles.h3;
  return (
    <>
      {id && onPage ? (
        <Text
          render={({ pageNumber }) => {
            onPage(id, pageNumber);
            return '';
          }}
        />
      ) : null}
      <Text id={id} style={style} minPresenceAhead={level === 1 ? 90 : 60}>
        {children}
      </Text>
    </>
  );
}

function Paragraphs({ items }: { items: string[] }) {
  return (
    <>
      {items.map((p, i) => (
        <Text key={i} style={[styles.p, dir(p)]}>
          {p}
        </Text>
      ))}
    </>
  );
}

function Bullets({ items }: { items: string[] }) {
  return (
    <View style={styles.list}>
      {items.map((item, i) => (
        <View key={i} style={styles.listItem} wrap={false}>
          <Text style={styles.bullet}>{BULLET}</Text>
          <Text style={styles.listText}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/** A section heading with its first block: never alone at the foot of a page. */
function Section({ id, title, first, children, onPage }: { id: SectionId; title: string; first: ReactNode; children?: ReactNode; onPage?: PageRecorder }) {
  return (
    <View style={styles.section}>
      <View wrap={false}>
        <Heading level={1} id={id} onPage={onPage}>
          {title}
        </Heading>
        {first}
      </View>
      {children}
    </View>
  );
}

function FindingView({ finding }: { finding: Finding }) {
  return (
    <View style={styles.finding} wrap={findingLength(finding) > SHORT}>
      <View style={styles.findingHead} wrap={false}>
        <Text style={styles.findingNumber}>{finding.number}</Text>
        <Text style={styles.findingText}>
          <Text style={styles.sentence}>{finding.sentence}</Text>
          {finding.tag ? <Text style={styles.tag}> {finding.tag}</Text> : null}
        </Text>
      </View>
      {finding.narrative ? <Text style={[styles.narrative, dir(finding.narrative)]}>{finding.narrative}</Text> : null}
      {finding.dissent ? <Text style={styles.cite}>{finding.dissent}</Text> : null}
      {/* A long note may split, but never leaves its sources line alone on the next page. */}
      {finding.sources ? (
        <Text style={styles.cite} minPresenceAhead={0} orphans={2} widows={2}>
          {finding.sources}
        </Text>
      ) : null}
    </View>
  );
}

function Group({ group }: { group: FindingGroup }) {
  const [first, ...rest] = group.items;
  return (
    <View>
      {/* The group heading travels with its first finding. */}
      <View wrap={first ? findingLength(first) > SHORT : false}>
        <Heading level={3}>{group.title}</Heading>
        {first ? <FindingView finding={first} /> : <Text style={styles.none}>{group.none}</Text>}
      </View>
      {rest.map((f) => (
        <FindingView key={f.indicatorId} finding={f} />
      ))}
    </View>
  );
}

function DomainSection({ domain }: { domain: DomainFindings }) {
  return (
    <View>
      <View wrap={false}>
        <Heading level={2}>{domain.heading}</Heading>
        <Text style={styles.lead}>{domain.description}</Text>
        {domain.localNote ? <Text style={styles.localNote}>{domain.localNote}</Text> : null}
      </View>
      <Group group={domain.wellDeveloped} />
      <Group group={domain.potential} />
    </View>
  );
}

function Watermark({ text }: { text: string | null }) {
  return text ? (
    <View style={styles.watermarkBox} fixed>
      <Text style={styles.watermark}>{text}</Text>
    </View>
  ) : null;
}

type Frame = { header: string; pageLabel: string; watermark: string | null; family: string[] };

/**
 * A run of pages with the running header, page numbers and watermark. Each major section gets its own
 * run: react-pdf paginates a run as a whole, so many short runs lay out much faster than one long one.
 */
function Sheet({ frame, children }: { frame: Frame; children: ReactNode }) {
  return (
    <Page size="A4" style={[styles.page, { fontFamily: frame.family }]} wrap>
      <Watermark text={frame.watermark} />
      <Text style={styles.header} fixed>
        {frame.header}
      </Text>
      {/* Absolute text that is filled in late (page numbers) needs a box of its own to be measured. */}
      <View style={styles.footer} fixed>
        {/* Empty until the total is known: while paginating it then prints the same at every break, and
            react-pdf (patched, patches/README.md) does not lay the rest of the run out again for it. */}
        <Text style={styles.footerText} render={({ pageNumber, totalPages }) => (totalPages === undefined ? '' : fill(frame.pageLabel, { page: pageNumber, total: totalPages }))} />
      </View>
      <View style={styles.body}>{children}</View>
    </Page>
  );
}

function Table({ columns, widths, rows }: { columns: string[]; widths: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <View style={styles.table}>
      {/* Repeated at the top of every page the table runs over. */}
      <View style={styles.tableHead} fixed>
        {columns.map((c, i) => (
          <Text key={i} style={{ width: widths[i], paddingRight: 6 }}>
            {c}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.key} style={styles.tableRow} wrap={false}>
          {row.cells.map((cell, i) => (
            <View key={i} style={{ width: widths[i], paddingRight: 6 }}>
              {typeof cell === 'string' ? <Text>{cell}</Text> : cell}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

export interface ProfileDocumentProps {
  model: ProfileModel;
}

/** The PDF's metadata (title, author, language…), the same for the profile and the workshop annex. */
function documentInfo(meta: ProfileModel['meta']) {
  return { title: meta.title, author: meta.author, subject: meta.subject, keywords: meta.keywords, creator: meta.creator, producer: meta.creator, language: meta.language };
}

/** The page of each section: recorded while react-pdf paginates, printed by the contents after it (see the top of this file). */
function sectionPages(): { record: PageRecorder; label: (id: SectionId) => string } {
  const pages: Partial<Record<SectionId, number>> = {};
  return {
    record: (id, page) => {
      pages[id] = page;
    },
    label: (id) => String(pages[id] ?? '…'),
  };
}

export function ProfileDocument({ model }: ProfileDocumentProps) {
  const pages = sectionPages();
  const onPage = pages.record;
  const family = fontFamilies(model.scripts);
  const frame: Frame = { header: model.header, pageLabel: model.pageLabel, watermark: model.watermark, family };
  return (
    <Document {...documentInfo(model.meta)}>
      <Page size="A4" style={[styles.cover, { fontFamily: family }]}>
        <Watermark text={model.watermark} />
        <View style={styles.coverBand} />
        <Text style={styles.coverTitle}>{model.cover.title}</Text>
        <Text style={[styles.coverGovernment, dir(model.cover.government)]}>{model.cover.government}</Text>
        <Text style={styles.coverLine}>{model.cover.yearLine}</Text>
        <Text style={styles.coverLine}>{model.cover.status}</Text>
        {model.cover.focalPoint ? <Text style={styles.coverLine}>{model.cover.focalPoint}</Text> : null}
        <Text style={styles.coverBasis}>{model.cover.basis}</Text>
        <Text style={styles.coverNote}>{model.cover.selfAssessment}</Text>
      </Page>

      <Sheet frame={frame}>
        <Heading level={1}>{model.contents.title}</Heading>
        {model.contents.entries.map((entry) => (
          <View key={entry.id} style={styles.tocRow}>
            <Link src={`#${entry.id}`} style={styles.tocTitle}>
              {entry.title}
            </Link>
            <Text style={styles.tocPage} render={() => pages.label(entry.id)} />
          </View>
        ))}
      </Sheet>

      <Sheet frame={frame}>
        <Section id="objectives" title={model.objectives.title} onPage={onPage} first={<Paragraphs items={model.objectives.paragraphs} />} />
        <Section
          id="acronyms"
          title={model.acronyms.title}
          onPage={onPage}
          first={model.acronyms.items.map((a) => (
            <View key={a.short} style={styles.listItem}>
              <Text style={styles.acronym}>{a.short}</Text>
              <Text style={styles.listText}>{a.long}</Text>
            </View>
          ))}
        />
        <Section
          id="introduction"
          title={model.introduction.title}
          onPage={onPage}
          first={
            <>
              <Heading level={2}>{model.introduction.parts[0]!.title}</Heading>
              <Text style={styles.p}>{model.introduction.parts[0]!.paragraphs[0]}</Text>
            </>
          }
        >
          <Paragraphs items={model.introduction.parts[0]!.paragraphs.slice(1)} />
          {model.introduction.parts.slice(1).map((part) => (
            <View key={part.title}>
              <View wrap={false}>
                <Heading level={2}>{part.title}</Heading>
                <Text style={styles.p}>{part.paragraphs[0]}</Text>
              </View>
              <Paragraphs items={part.paragraphs.slice(1)} />
              {part.items.length > 0 ? <Bullets items={part.items} /> : null}
            </View>
          ))}
        </Section>
        <Section
          id="context"
          title={model.context.title}
          onPage={onPage}
          first={<Text style={[styles.p, dir(model.context.paragraphs[0]!)]}>{model.context.paragraphs[0]}</Text>}
        >
          <Paragraphs items={model.context.paragraphs.slice(1)} />
        </Section>
      </Sheet>

      {model.findings.domains.map((d, i) => (
        <Sheet key={d.id} frame={frame}>
          {i === 0 ? <Section id="findings" title={model.findings.title} onPage={onPage} first={<Text style={styles.lead}>{model.findings.intro}</Text>} /> : null}
          <DomainSection domain={d} />
        </Sheet>
      ))}

      {model.changes || model.local ? (
        <Sheet frame={frame}>
          {model.changes ? (
            <Section id="changes" title={model.changes.title} onPage={onPage} first={<Text style={styles.lead}>{model.changes.intro}</Text>}>
              {model.changes.domains.map((d) => (
                <View key={d.id}>
                  <View wrap={false}>
                    <Heading level={2}>{d.title}</Heading>
                    {d.none ? <Text style={styles.none}>{d.none}</Text> : null}
                  </View>
                  {d.groups.map((g) => (
                    <View key={g.title}>
                      <View wrap={false}>
                        <Heading level={3}>{g.title}</Heading>
                        <Bullets items={g.items.slice(0, 1)} />
                      </View>
                      <Bullets items={g.items.slice(1)} />
                    </View>
                  ))}
                </View>
              ))}
            </Section>
          ) : null}
          {model.local ? (
            <Section id="local" title={model.local.title} onPage={onPage} first={<Text style={styles.p}>{model.local.paragraphs[0]}</Text>}>
              <Paragraphs items={model.local.paragraphs.slice(1)} />
              {model.local.notes.map((n) => (
                <View key={n.domain} wrap={false} style={styles.list}>
                  <Text style={styles.sentence}>{n.domain}</Text>
                  <Text>{n.note}</Text>
                </View>
              ))}
            </Section>
          ) : null}
        </Sheet>
      ) : null}

      <Sheet frame={frame}>
        <Section id="sources" title={model.sources.title} onPage={onPage} first={<Text style={styles.lead}>{model.sources.intro}</Text>}>
          {model.sources.items.length === 0 ? <Text style={styles.none}>{model.sources.none}</Text> : null}
          {model.sources.items.map((s, i) => (
            <View key={i} style={styles.listItem} wrap={false}>
              <Text style={[styles.listText, dir(s)]}>{s}</Text>
            </View>
          ))}
        </Section>
      </Sheet>

      {model.conventions ? (
        <Sheet frame={frame}>
          <Section id="conventions" title={model.conventions.title} onPage={onPage} first={<Text style={styles.lead}>{model.conventions.intro}</Text>}>
            <Table
              columns={[model.conventions.columns.instrument, model.conventions.columns.status]}
              widths={['58%', '42%']}
              rows={model.conventions.rows.map((r) => ({ key: r.id, cells: [r.instrument, r.status] }))}
            />
          </Section>
        </Sheet>
      ) : null}

      <Sheet frame={frame}>
        <Section id="gcm" title={model.gcm.title} onPage={onPage} first={<Text style={styles.lead}>{model.gcm.intro}</Text>}>
          {model.gcm.objectives.map((o) => (
            <View key={o.number} style={styles.list} wrap={false}>
              <Heading level={3}>{o.title}</Heading>
              {o.lines.length === 0 ? <Text style={styles.none}>{o.none}</Text> : null}
              {o.lines.map((text, i) => (
                <Text key={i} style={styles.gcmLine}>
                  {text}
                </Text>
              ))}
            </View>
          ))}
        </Section>
      </Sheet>
    </Document>
  );
}

export function WorkshopAnnexDocument({ model }: { model: WorkshopAnnexModel }) {
  const family = fontFamilies(model.scripts);
  const frame: Frame = { header: model.header, pageLabel: model.pageLabel, watermark: null, family };
  return (
    <Document {...documentInfo(model.meta)}>
      <Sheet frame={frame}>
        <Text style={styles.coverTitle}>{model.cover.title}</Text>
        <Text style={styles.coverGovernment}>{model.cover.government}</Text>
        <Text style={styles.coverLine}>
          {model.cover.yearLine} · {model.cover.date}
        </Text>
        <Text style={[styles.coverNote, { marginBottom: 18 }]}>{model.cover.notProfile}</Text>
        <View wrap={false}>
          <Heading level={2}>{model.method.title}</Heading>
          <Bullets items={model.method.items} />
        </View>
        <View wrap={false}>
          <Heading level={2}>{model.summary.title}</Heading>
          <Text style={styles.lead}>{model.summary.caption}</Text>
          <Table
            columns={model.summary.columns}
            widths={['30%', '12%', '12%', '8%', '9%', '8%', '10%', '11%']}
            rows={model.summary.rows.map((r) => ({ key: r.id, cells: r.cells }))}
          />
        </View>
        <Heading level={2}>{model.flags.title}</Heading>
        {model.flags.domains.map((d) => (
          <View key={d.title} wrap={false} style={styles.list}>
            <Text style={styles.sentence}>{d.title}</Text>
            {d.lines.map((l, i) => (
              <Text key={i}>{l}</Text>
            ))}
          </View>
        ))}
      </Sheet>
      {model.answers.domains.map((d, i) => (
        <Sheet key={d.id} frame={frame}>
          {i === 0 ? (
            <View wrap={false}>
              <Heading level={1}>{model.answers.title}</Heading>
              <Text style={styles.lead}>{model.answers.intro}</Text>
            </View>
          ) : null}
          <Heading level={2}>{d.title}</Heading>
          <Table
            columns={[model.answers.columns.question, model.answers.columns.answer, model.answers.columns.notes]}
            widths={['42%', '16%', '42%']}
            rows={d.rows.map((r) => ({
              key: r.indicatorId,
              cells: [
                r.question,
                r.answer,
                <>
                  {r.notes.map((n, k) => (
                    <Text key={k} style={styles.note}>
                      {n}
                    </Text>
                  ))}
                </>,
              ],
            }))}
          />
        </Sheet>
      ))}
    </Document>
  );
}
