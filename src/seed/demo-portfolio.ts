import { createHash } from 'crypto';
import { EntityManager } from 'typeorm';
import { addDays, minDay } from '../common/domain/calendar';
import { FileStorage } from '../common/storage/file-storage';
import { cleanOriginalName } from '../modules/portfolio/evidence/safe-filename';
import { STANDARD_PRODUCTS } from '../modules/products/standard-products';
import { bulkInsert } from './bulk-insert';
import { PORTFOLIO_REFLECTIONS, PORTFOLIO_TITLES, REVISION_FEEDBACK } from './demo-catalogue';
import { photoJpeg, pngChunk, reportPdf, scanPng } from './demo-evidence-files';
import { DemoPlan, PlanTrajectory, learnerNumber } from './demo-plan';
import { Prng } from './prng';

const PRODUCTS = Object.fromEntries(STANDARD_PRODUCTS.map((p) => [p.code, p]));
const DOMAIN_NL: Record<string, string> = {
  work: 'werk', parenting: 'opvoeding', health_care: 'gezondheid en zorg', education: 'onderwijs',
  knowledge_of_society: 'kennis van de samenleving', citizenship: 'burgerschap', housing: 'wonen', neighbourhood: 'buurt en buren',
};
/** The learner login's items: one in every state of the portfolio, so "Mijn portfolio" shows them all. */
const OWN_STATUSES = ['approved', 'submitted', 'needs_revision', 'draft', 'resubmitted'];

type Status = 'draft' | 'submitted' | 'approved' | 'needs_revision' | 'resubmitted';
interface PlannedEvidence { id: string; kind: 'photo' | 'scan' | 'report'; name: string; createdAt: Date }
interface PlannedItem {
  id: string; trajectory: PlanTrajectory; domain: string; title: string; description: string; status: Status;
  feedback: string | null; createdAt: Date; submittedAt: Date | null; reviewedBy: string | null; reviewedAt: Date | null; evidence: PlannedEvidence[];
}

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Portfolio items in every state of the portfolio (draft → submitted → approved | needs_revision, and submitted
 * again after a revision, which keeps the earlier feedback as the service does), with dates in order, and evidence
 * files for them. Dropouts keep what they made (approved or draft), completed trajectories have every required
 * domain approved; a no-show has nothing.
 */
function planPortfolio(rng: Prng, plan: DemoPlan, today: string, teacherOf: (t: PlanTrajectory) => string): PlannedItem[] {
  const items: PlannedItem[] = [];
  for (const t of plan.trajectories) {
    if (t.status === 'planned' || t.neverActive) continue;
    const domains = [...PRODUCTS[t.productCode].requiredDomains] as string[];
    const own = t.learner.number === learnerNumber(0);
    const count = t.status === 'completed' ? domains.length : own ? OWN_STATUSES.length : rng.int(0, Math.min(t.status === 'dropped_out' ? 2 : 3, domains.length));
    const end = minDay(t.attendUntil ?? today, today);
    for (let i = 0; i < count; i++) {
      const domain = domains[i % domains.length];
      let status: Status = t.status === 'completed' ? 'approved'
        : own ? (OWN_STATUSES[i] as Status)
          : t.status === 'dropped_out' ? (rng.chance(0.6) ? 'approved' : 'draft')
            : rng.weighted({ draft: 22, submitted: 26, approved: 34, needs_revision: 10, resubmitted: 8 });
      const created = addDays(end, -rng.int(25, 90));
      const createdDay = created < t.startDate ? t.startDate : created;
      const submittedDay = minDay(addDays(createdDay, rng.int(1, 14)), minDay(end, addDays(today, -1)));
      // Reviewed while the trajectory ran (an ended one is read-only), and submitted again only after the review.
      // (Up to yesterday: the clock times of today may still lie ahead when the demo is loaded.)
      const reviewedDay = minDay(minDay(addDays(submittedDay, rng.int(1, 8)), t.endDate ?? today), addDays(today, -1));
      const resubmittedDay = minDay(addDays(reviewedDay, rng.int(2, 10)), addDays(today, -1));
      if (status === 'resubmitted' && resubmittedDay <= reviewedDay) status = 'needs_revision';
      const reviewed = status === 'approved' || status === 'needs_revision' || status === 'resubmitted';
      const feedback = status === 'approved' ? rng.pick(['Goed gedaan!', 'Mooi verslag, duidelijk beschreven.', 'Prima, je foto laat goed zien wat je gedaan hebt.'])
        : status === 'needs_revision' || status === 'resubmitted' ? rng.pick(REVISION_FEEDBACK) : null;
      const title = rng.pick(PORTFOLIO_TITLES[domain]);
      const description = [rng.pick(PORTFOLIO_REFLECTIONS.what), rng.pick(PORTFOLIO_REFLECTIONS.learned)].join(' ');
      const createdAt = at(createdDay, rng.int(8, 20));
      const evidence: PlannedEvidence[] = [];
      const files = status === 'draft' ? (rng.chance(0.5) ? 1 : 0) : rng.chance(0.3) ? 2 : 1;
      for (let f = 0; f < files; f++) {
        const kind = rng.weighted({ photo: 50, scan: 20, report: 30 });
        const stamp = new Date(createdAt.getTime() + (f + 1) * 600_000);
        const name = kind === 'photo'
          ? `IMG_${stamp.toISOString().slice(0, 10).replace(/-/g, '')}_${String(rng.int(80000, 195959)).padStart(6, '0')}.jpg`
          : kind === 'scan' ? `scan ${title.toLowerCase()}.png` : `verslag-${slug(title)}.pdf`;
        evidence.push({ id: rng.uuid(), kind, name, createdAt: stamp });
      }
      // Asked for more, the learner added a document before submitting again.
      if (status === 'resubmitted') {
        const at2 = at(resubmittedDay, 9);
        const kind = rng.chance(0.5) ? 'scan' : 'report';
        evidence.push({ id: rng.uuid(), kind, name: kind === 'scan' ? `scan ${title.toLowerCase()}.png` : `verslag-${slug(title)}.pdf`, createdAt: at2 });
      }
      items.push({
        id: rng.uuid(), trajectory: t, domain, title, description, status, feedback, createdAt,
        submittedAt: status === 'draft' ? null : at(status === 'resubmitted' ? resubmittedDay : submittedDay, 10),
        reviewedBy: reviewed ? teacherOf(t) : null, reviewedAt: reviewed ? at(reviewedDay, 15) : null, evidence,
      });
    }
  }
  return items;
}

/** Items, their evidence rows and the files in storage; returns the storage keys written (to undo on failure). */
export async function writeDemoPortfolio(
  m: EntityManager,
  opts: { rng: Prng; plan: DemoPlan; today: string; teacherOf: (t: PlanTrajectory) => string; storage: FileStorage; learnerUserId: string; written: string[] },
): Promise<void> {
  const { rng, storage } = opts;
  const items = planPortfolio(rng, opts.plan, opts.today, opts.teacherOf);
  const version = { draft: 1, submitted: 2, approved: 3, needs_revision: 3, resubmitted: 4 };
  await bulkInsert(m, 'portfolio_item', [
    'id', 'trajectory_id', 'domain', 'title', 'description', 'status', 'feedback', 'submitted_at', 'reviewed_by', 'reviewed_at', 'version', 'created_at', 'updated_at',
  ], items.map((i) => [
    i.id, i.trajectory.id, i.domain, i.title, i.description, i.status === 'resubmitted' ? 'submitted' : i.status, i.feedback, i.submittedAt,
    i.reviewedBy, i.reviewedAt, version[i.status], i.createdAt, i.submittedAt && i.reviewedAt ? new Date(Math.max(+i.submittedAt, +i.reviewedAt)) : i.submittedAt ?? i.createdAt,
  ]));
  // A few photos and scans drawn once; each file is stamped with its own comment, so no two files are the same.
  const photos = Array.from({ length: 6 }, () => photoJpeg(rng));
  const scans = Array.from({ length: 3 }, () => scanPng(rng));
  const rows: unknown[][] = [];
  const jobs = items.flatMap((item) => item.evidence.map((e) => ({ item, e })));
  for (let k = 0; k < jobs.length; k += 32) {
    await Promise.all(jobs.slice(k, k + 32).map(async ({ item, e }) => {
      const note = `Koers demo ${e.id}`;
      const bytes = e.kind === 'photo' ? jpegWithComment(photos[rng.int(0, photos.length - 1)], note)
        : e.kind === 'scan' ? pngWithComment(scans[rng.int(0, scans.length - 1)], note)
          : reportPdf(item.title, DOMAIN_NL[item.domain], e.createdAt.toISOString().slice(0, 10).split('-').reverse().join('-'), [item.description], note);
      const stored = await storage.put(bytes, { prefix: 'portfolio' });
      opts.written.push(stored.key);
      const contentType = e.kind === 'photo' ? 'image/jpeg' : e.kind === 'scan' ? 'image/png' : 'application/pdf';
      rows.push([
        e.id, item.id, cleanOriginalName(e.name, contentType), contentType, stored.sizeBytes, createHash('sha256').update(bytes).digest('hex'), stored.key,
        item.trajectory.learner.number === learnerNumber(0) ? opts.learnerUserId : null, e.createdAt,
      ]);
    }));
  }
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  await bulkInsert(m, 'portfolio_evidence', ['id', 'item_id', 'original_name', 'content_type', 'size_bytes', 'sha256', 'storage_key', 'uploaded_by', 'created_at'], rows);
}

/** A JPEG comment segment (COM) right after the start-of-image marker. */
function jpegWithComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const head = Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), head, body, jpeg.subarray(2)]);
}

/** A PNG tEXt chunk (Comment) before IEND. */
function pngWithComment(png: Buffer, text: string): Buffer {
  return Buffer.concat([png.subarray(0, png.length - 12), pngChunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')), png.subarray(png.length - 12)]);
}
