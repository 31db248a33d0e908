/**
 * The profile as a react-pdf document. It lays out a ProfileModel (src/domain/profile.ts) and decides
 * nothing: every sentence, number and order comes from the model. Imported only by the PDF worker and
 * the command-line tool, never by a screen, so react-pdf stays out of the app's bundles.
 *
 * Pagination rules: each heading asks for room after it (minPresenceAhead) and is kept on the page of
 * the first line that follows it (wrap={false}); short table rows never split; the answers table
 * repeats its column headings on every page it runs over.
 */
import { Document, Link, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { fill, type AnswerDomain, type ChartBar, type DomainFindings, type Finding, type FindingGroup, type ProfileModel } from '../../domain/profile';
import { FALLBACK_FAMILY, FONT_FAMILY } from './fonts';

const ink = '#1b1f24';
const muted = '#4a5360';
const brand = '#0b4f8a';
const line = '#c4cad3';
const grey = '#7a8594';

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
  header: { position: 'absolute', top: 24, left: 56, right: 56, fontSize: 8, color: muted, borderBottomWidth: 0.5, borderBottomColor: line, paddingBottom: 4 },
  footer: { position: 'absolute', bottom: 24, left: 56, right: 56 },
  footerText: { fontSize: 8, color: muted, textAlign: 'right' },
  watermarkBox: { position: 'absolute', top: 0, bottom: 0, left: 0, right: 0, justifyContent: 'center', alignItems: 'center' },
  watermark: { fontSize: 110, fontWeight: 700, color: '#b00020', opacity: 0.09, transform: 'rotate(-45deg)' },
  h1: { fontSize: 18, fontWeight: 700, color: brand, marginBottom: 10, marginTop: 4, lineHeight: 1.25 },
  h2: { fontSize: 14, fontWeight: 700, color: brand, marginTop: 14, marginBottom: 6, lineHeight: 1.25 },
  h3: { fontSize: 11.5, fontWeight: 700, marginTop: 10, marginBottom: 4 },
  p: { marginBottom: 7 },
  lead: { marginBottom: 8, color: muted },
  section: { marginBottom: 14 },
  tocEntry: { fontSize: 11, marginBottom: 6, color: brand, textDecoration: 'none' },
  summary: { fontSize: 9, color: muted, marginBottom: 6 },
  localNote: { fontSize: 9.5, borderLeftWidth: 3, borderLeftColor: brand, paddingLeft: 6, marginBottom: 8 },
  finding: { marginBottom: 8, paddingLeft: 8, borderLeftWidth: 2, borderLeftColor: line },
  sentence: { fontWeight: 700 },
  tag: { fontSize: 9, color: muted },
  narrative: { marginTop: 2 },
  cite: { fontSize: 8.5, color: muted, marginTop: 2 },
  none: { color: muted, marginBottom: 6 },
  barRow: { flexDirection: 'row', alignItems: 'center', marginBottom: 9 },
  barLabel: { width: '34%', paddingRight: 8, fontSize: 9.5 },
  barTracks: { width: '50%' },
  barTrack: { height: 9, backgroundColor: '#e6e9ee', marginBottom: 2 },
  barScore: { height: 9, backgroundColor: brand },
  barDone: { height: 4, backgroundColor: grey },
  barValue: { width: '16%', paddingLeft: 6, fontSize: 9 },
  legend: { flexDirection: 'row', marginBottom: 10, fontSize: 8.5, color: muted },
  legendSwatch: { width: 10, height: 6, marginRight: 4, marginTop: 3 },
  legendItem: { flexDirection: 'row', marginRight: 16 },
  list: { marginBottom: 6 },
  listItem: { flexDirection: 'row', marginBottom: 3 },
  bullet: { width: 3.5, height: 3.5, borderRadius: 1.75, backgroundColor: ink, marginTop: 6, marginRight: 8, marginLeft: 2 },
  listText: { flex: 1 },
  sourceNumber: { width: 28, color: muted },
  gcmLine: { marginLeft: 10, marginBottom: 2 },
  findingHead: { flexDirection: 'row' },
  findingNumber: { width: 26, fontWeight: 700, color: brand },
  findingText: { flex: 1 },
  table: { marginBottom: 12, borderTopWidth: 0.5, borderTopColor: line },
  tableHead: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: ink, paddingVertical: 3, fontWeight: 700, fontSize: 8.5, backgroundColor: '#ffffff' },
  tableRow: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: line, paddingVertical: 4, fontSize: 8.5 },
  colQuestion: { width: '42%', paddingRight: 6 },
  colAnswer: { width: '16%', paddingRight: 6 },
  colNotes: { width: '42%' },
  note: { marginBottom: 2 },
});

/** The fallback font costs time to load: only when some text needs it. */
const fontFamily = (model: ProfileModel) => (model.extendedLatin ? [FONT_FAMILY, FALLBACK_FAMILY] : FONT_FAMILY);

/** Rows longer than this may split across pages; shorter ones are kept whole. */
const SHORT_ROW = 900;

function Heading({ level, id, children }: { level: 1 | 2 | 3; id?: string; children: ReactNode }) {
  const style = level === 1 ? styles.h1 : level === 2 ? styles.h2 : styles.h3;
  return (
    <Text id={id} style={style} minPresenceAhead={level === 1 ? 90 : 60}>
      {children}
    </Text>
  );
}

function Paragraphs({ items }: { items: string[] }) {
  return (
    <>
      {items.map((p, i) => (
        <Text key={i} style={styles.p}>
          {p}
        </Text>
      ))}
    </>
  );
}

function FindingRest({ finding }: { finding: Finding }) {
  return (
    <>
      {finding.narrative ? <Text style={styles.narrative}>{finding.narrative}</Text> : null}
      {finding.dissent ? <Text style={styles.cite}>{finding.dissent}</Text> : null}
      {finding.sources ? <Text style={styles.cite}>{finding.sources}</Text> : null}
    </>
  );
}

function FindingHead({ finding }: { finding: Finding }) {
  return (
    <View style={styles.findingHead}>
      <Text style={styles.findingNumber}>{finding.number}</Text>
      <Text style={styles.findingText}>
        <Text style={styles.sentence}>{finding.sentence}</Text>
        {finding.tag ? <Text style={styles.tag}> {finding.tag}</Text> : null}
      </Text>
    </View>
  );
}

function Group({ group }: { group: FindingGroup }) {
  const [first, ...rest] = group.items;
  return (
    <View>
      {/* The group heading travels with the first finding's sentence: never alone at a page foot. */}
      <View wrap={false}>
        <Heading level={3}>{group.title}</Heading>
        {first ? (
          <View style={[styles.finding, { marginBottom: 0 }]}>
            <FindingHead finding={first} />
          </View>
        ) : (
          <Text style={styles.none}>{group.none}</Text>
        )}
      </View>
      {first ? (
        <View style={styles.finding}>
          <FindingRest finding={first} />
        </View>
      ) : null}
      {rest.map((f) => (
        <View key={f.indicatorId} style={styles.finding}>
          <View wrap={false}>
            <FindingHead finding={f} />
          </View>
          <FindingRest finding={f} />
        </View>
      ))}
    </View>
  );
}

function DomainSection({ domain }: { domain: DomainFindings }) {
  return (
    <View>
      <View wrap={false}>
        <Heading level={2} id={`domain-${domain.id}`}>
          {domain.heading}
        </Heading>
        <Text style={styles.summary}>{domain.summary}</Text>
      </View>
      <Text style={styles.lead}>{domain.description}</Text>
      {domain.localNote ? <Text style={styles.localNote}>{domain.localNote}</Text> : null}
      <Group group={domain.wellDeveloped} />
      <Group group={domain.potential} />
    </View>
  );
}

function Bar({ bar }: { bar: ChartBar }) {
  return (
    <View style={styles.barRow} wrap={false}>
      <Text style={styles.barLabel}>{bar.label}</Text>
      <View style={styles.barTracks}>
        <View style={styles.barTrack}>
          <View style={[styles.barScore, { width: `${bar.score ?? 0}%` }]} />
        </View>
        <View style={[styles.barDone, { width: `${bar.completeness}%` }]} />
      </View>
      <Text style={styles.barValue}>
        {bar.scoreText} · {bar.completenessText}
      </Text>
    </View>
  );
}

function AnswersTable({ domain, columns }: { domain: AnswerDomain; columns: ProfileModel['answers']['columns'] }) {
  return (
    <View style={styles.table}>
      <View wrap={false}>
        <Heading level={2}>{domain.title}</Heading>
      </View>
      {/* Repeated at the top of every page this table runs over. */}
      <View style={styles.tableHead} fixed>
        <Text style={styles.colQuestion}>{columns.question}</Text>
        <Text style={styles.colAnswer}>{columns.answer}</Text>
        <Text style={styles.colNotes}>{columns.notes}</Text>
      </View>
      {domain.rows.map((row) => (
        <View key={row.indicatorId} style={styles.tableRow} wrap={row.notes.join('').length + row.question.length > SHORT_ROW}>
          <Text style={styles.colQuestion}>{row.question}</Text>
          <Text style={styles.colAnswer}>{row.answer}</Text>
          <View style={styles.colNotes}>
            {row.notes.map((n, i) => (
              <Text key={i} style={styles.note}>
                {n}
              </Text>
            ))}
          </View>
        </View>
      ))}
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

/**
 * A run of pages with the running header, page numbers and watermark. Each major section gets its own
 * run: react-pdf paginates a run as a whole, so many short runs lay out much faster than one long one.
 */
function Sheet({ model, children }: { model: ProfileModel; children: ReactNode }) {
  return (
    <Page size="A4" style={[styles.page, { fontFamily: fontFamily(model) }]} wrap>
      <Watermark text={model.watermark} />
      <Text style={styles.header} fixed>
        {model.header}
      </Text>
      {/* Absolute text that is filled in late (page numbers) needs a box of its own to be measured. */}
      <View style={styles.footer} fixed>
        <Text
          style={styles.footerText}
          render={({ pageNumber, totalPages }) => fill(model.pageLabel, { page: pageNumber, total: totalPages })}
        />
      </View>
      <View style={styles.body}>{children}</View>
    </Page>
  );
}

export function ProfileDocument({ model }: { model: ProfileModel }) {
  return (
    <Document
      title={model.meta.title}
      author={model.meta.author}
      subject={model.meta.subject}
      keywords={model.meta.keywords}
      creator={model.meta.creator}
      producer={model.meta.creator}
      language={model.meta.language}
    >
      <Page size="A4" style={[styles.cover, { fontFamily: fontFamily(model) }]}>
        <Watermark text={model.watermark} />
        <View style={styles.coverBand} />
        <Text style={styles.coverTitle}>{model.cover.title}</Text>
        <Text style={styles.coverGovernment}>{model.cover.government}</Text>
        <Text style={styles.coverLine}>{model.cover.yearLine}</Text>
        <Text style={styles.coverLine}>{model.cover.status}</Text>
        {model.cover.focalPoint ? <Text style={styles.coverLine}>{model.cover.focalPoint}</Text> : null}
        <Text style={styles.coverBasis}>{model.cover.basis}</Text>
      </Page>

      <Sheet model={model}>
        <View style={styles.section}>
          <Heading level={1}>{model.contents.title}</Heading>
          {model.contents.entries.map((entry) => (
            <Link key={entry.id} src={`#${entry.id}`} style={styles.tocEntry}>
              {entry.title}
            </Link>
          ))}
        </View>
        <View style={styles.section}>
          <Heading level={1} id="objectives">
            {model.objectives.title}
          </Heading>
          <Paragraphs items={model.objectives.paragraphs} />
        </View>
        <View style={styles.section}>
          <Heading level={1} id="introduction">
            {model.introduction.title}
          </Heading>
          <Paragraphs items={model.introduction.paragraphs} />
        </View>
        <View style={styles.section}>
          <Heading level={1} id="context">
            {model.context.title}
          </Heading>
          <Paragraphs items={model.context.paragraphs} />
        </View>
      </Sheet>

      {model.findings.domains.map((d, i) => (
        <Sheet key={d.id} model={model}>
          {i === 0 ? (
            <>
              <Heading level={1} id="findings">
                {model.findings.title}
              </Heading>
              <Text style={styles.lead}>{model.findings.intro}</Text>
            </>
          ) : null}
          <DomainSection domain={d} />
        </Sheet>
      ))}

      <Sheet model={model}>
        <View style={styles.section}>
          <Heading level={1} id="chart">
            {model.chart.title}
          </Heading>
          <Text style={styles.lead}>{model.chart.caption}</Text>
          <View style={styles.legend}>
            <View style={styles.legendItem}>
              <View style={[styles.legendSwatch, { backgroundColor: brand }]} />
              <Text>{model.chart.scoreLabel}</Text>
            </View>
            <View style={styles.legendItem}>
              <View style={[styles.legendSwatch, { backgroundColor: grey }]} />
              <Text>{model.chart.completenessLabel}</Text>
            </View>
          </View>
          {model.chart.bars.map((bar) => (
            <Bar key={bar.id} bar={bar} />
          ))}
        </View>
        {model.local ? (
          <View style={styles.section}>
            <Heading level={1} id="local">
              {model.local.title}
            </Heading>
            <Paragraphs items={model.local.paragraphs} />
            {model.local.notes.map((n) => (
              <View key={n.domain} wrap={false} style={styles.list}>
                <Text style={styles.sentence}>{n.domain}</Text>
                <Text>{n.note}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </Sheet>

      <Sheet model={model}>
        <Heading level={1} id="gcm">
          {model.gcm.title}
        </Heading>
        <Text style={styles.lead}>{model.gcm.intro}</Text>
        {model.gcm.objectives.map((o) => (
          <View key={o.number} style={styles.list} wrap={false}>
            <Heading level={3}>{o.title}</Heading>
            {o.lines.length === 0 ? <Text style={styles.none}>{o.none}</Text> : null}
            {o.lines.map((line, i) => (
              <Text key={i} style={styles.gcmLine}>
                {line}
              </Text>
            ))}
          </View>
        ))}
      </Sheet>

      <Sheet model={model}>
        <Heading level={1} id="sources">
          {model.sources.title}
        </Heading>
        <Text style={styles.lead}>{model.sources.intro}</Text>
        {model.sources.items.length === 0 ? <Text style={styles.none}>{model.sources.none}</Text> : null}
        {model.sources.items.map((s) => (
          <View key={s.number} style={styles.listItem} wrap={false}>
            <Text style={styles.sourceNumber}>{s.label}</Text>
            <Text style={styles.listText}>{s.text}</Text>
          </View>
        ))}
      </Sheet>

      {model.answers.domains.map((d, i) => (
        <Sheet key={d.id} model={model}>
          {i === 0 ? (
            <>
              <Heading level={1} id="answers">
                {model.answers.title}
              </Heading>
              <Text style={styles.lead}>{model.answers.intro}</Text>
            </>
          ) : null}
          <AnswersTable domain={d} columns={model.answers.columns} />
        </Sheet>
      ))}
    </Document>
  );
}
