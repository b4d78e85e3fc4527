import { Injectable, OnModuleInit } from '@nestjs/common';
import { ForumsModerationService, ForumsPostingService, ForumsReadingService } from '@mutuals/forums';
import type { AuthUser } from '@mutuals/identity';
import { DemoSeeder, type DemoWorld } from './demo-seeder';
import { Progress } from './progress';
import { SeededRandom } from './random';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const DEMO_FORUM_CATEGORIES = [
  { slug: 'starting-out', name: 'Starting out', description: 'Thinking about spinning out? Ask the questions everyone had at the start.', sectorSlug: null },
  { slug: 'business-planning', name: 'Business planning', description: 'Options appraisals, business cases, financial models and the road to go-live.', sectorSlug: null },
  { slug: 'finance', name: 'Finance', description: 'Cash flow, pensions costs, VAT, reserves, loans and social investment.', sectorSlug: null },
  { slug: 'legal-and-governance', name: 'Legal and governance', description: 'Legal forms, asset locks, boards, member voice and the contract with the parent body.', sectorSlug: null },
  { slug: 'people-and-culture', name: 'People and culture', description: 'TUPE, staff engagement, employee ownership in practice, leadership and change.', sectorSlug: null },
  { slug: 'partnerships', name: 'Partnerships', description: 'Working with VCSE organisations, consortia, commissioners and other mutuals.', sectorSlug: null },
  { slug: 'health-and-care', name: 'Health and care', description: 'Community health, adult social care and public health mutuals.', sectorSlug: 'community-health' },
  { slug: 'children-and-young-people', name: 'Children and young people', description: "Children's services, youth services and education support.", sectorSlug: 'childrens-services' },
  { slug: 'leisure-libraries-and-culture', name: 'Leisure, libraries and culture', description: 'Sport and leisure trusts, library mutuals, arts and museums.', sectorSlug: 'libraries' },
  { slug: 'other-public-services', name: 'Other public services', description: 'Employment and skills, housing, justice, back-office and everything else.', sectorSlug: null },
  { slug: 'success-and-celebrations', name: 'Success and celebrations', description: 'Contracts won, milestones reached, awards: tell us and we will cheer.', sectorSlug: null },
];

interface DemoThread {
  category: string;
  title: string;
  body: string;
  replies: string[];
  pinned?: boolean;
}

const THREADS: DemoThread[] = [
  { category: 'starting-out', pinned: true, title: 'Welcome: how to get the most from the forums', body: 'Welcome to the peer-support forums. Introduce yourself in **Starting out**, search before you ask (someone has usually been there), and use the flag button if something needs a coordinator to look at it.\n\nPlease keep staff and service-user details out of posts.', replies: ['Thanks Helen. Looking forward to learning from everyone who has been through this already.'] },
  { category: 'starting-out', title: 'We have just been told to "explore options". Where did you start?', body: 'Our council has asked the adult social care in-house team to explore alternative delivery models. We have a steering group of six staff and no budget yet. What did you do in the first three months?', replies: ['Start with a stakeholder map and a very honest conversation with staff. We ran drop-ins on every shift before writing anything down.', 'Get the options appraisal funded early. The Mutuals Support Programme paid for ours and it made the council take us seriously.', 'Agree with both. Also: find out who in the council actually makes the decision. It was not who we thought.'] },
  { category: 'starting-out', title: 'Is a mutual right for a team of 12?', body: 'We are a small youth service team. Everyone talks about big spin-outs. Has anyone spun out with fewer than 15 staff?', replies: ['We were 9 at go-live. It works, but back office costs hit you harder. Share services where you can.', 'Look at a CIC limited by guarantee with a staff membership. Simple, cheap to run, and commissioners understand it.'] },
  { category: 'starting-out', title: 'How did you explain "employee-led" to frontline staff?', body: 'Half our staff think it means privatisation, the other half think they will get shares. How did you pitch it?', replies: ['We said: "Same job, same pension, more say." Then we showed them what the staff council would decide in year one.', 'Bring in staff from an existing mutual to talk to yours. Peer voices beat any slide deck.'] },
  { category: 'business-planning', title: 'Options appraisal: how many options did you really consider?', body: 'Our consultant wants to appraise seven options. It feels like theatre. How many did you genuinely assess?', replies: ['Four: stay in house, mutual, transfer to an existing provider, joint venture. Anything more was padding.', 'The council legal team insisted on "do nothing" as an option. Fair enough, it made the case clearer.'] },
  { category: 'business-planning', title: 'What went into your five-year financial model?', body: 'Building the model for our business case. Which assumptions caused you the most trouble later?', replies: ['Pension contribution rates. Model at least two actuarial scenarios.', 'Support service costs after the SLA with the council ends. We underestimated IT by about 40%.', 'Pay inflation versus contract uplift. Our contract had a fixed uplift of 1% and pay went up 5% in year two.'] },
  { category: 'business-planning', title: 'Mobilisation plan templates?', body: 'We have approval to go. Does anyone have a mobilisation plan they would share? Ours is a spreadsheet with 300 rows.', replies: ['Ours was 280 rows, so you are doing fine. Group it by workstream: people, legal, finance, IT, estates, comms.', 'Happy to share our go-live checklist, message me.'] },
  { category: 'finance', title: 'Pension admission agreement: bond or guarantee?', body: 'The LGPS fund wants a bond to cover the risk of us failing. The council says it will act as guarantor instead. Which did others end up with, and what did it cost?', replies: ['Council guarantee. A bond quote came in at £60k a year, which would have sunk us.', 'We got a guarantee too, but only after the actuary re-ran the numbers on a closed-fund basis.', 'Watch the exit payment terms if you ever lose the contract. Get advice before you sign.'] },
  { category: 'finance', title: 'VAT after spin-out caught us out', body: 'Heads up: services that were outside the scope of VAT in the council became standard-rated for one of our lines. Get specialist VAT advice before go-live.', replies: ['Same here on our room hire income. Cost us £18k in the first year.', 'Thanks for posting. Adding this to our mobilisation plan now.'] },
  { category: 'finance', title: 'Social investment for working capital?', body: 'We need about £250k working capital because the council pays quarterly in arrears. Has anyone used social investment?', replies: ['We negotiated monthly payments in advance for the first year instead. Ask for it in the contract.', 'We used a social investment loan. Fine terms, but the due diligence took four months.'] },
  { category: 'legal-and-governance', title: 'CIC asset lock: what does it mean in practice?', body: 'Our board keeps asking what the asset lock stops us doing. Can we still borrow? Can we pay staff a bonus?', replies: ['You can borrow and pay staff properly. What you cannot do is transfer assets out except for full value or to another asset-locked body.', 'Dividends are capped if you are a CIC limited by shares. Most mutuals I know are limited by guarantee so it does not come up.', 'The CIC Regulator guidance on the asset lock is short and readable. Worth giving to new board members.'] },
  { category: 'legal-and-governance', title: 'How much say should staff members have on the board?', body: 'We are drafting articles. Two staff-elected directors out of nine, or more?', replies: ['We have three of eight, plus a staff council that the board must consult on anything affecting terms and conditions.', 'Think about conflicts of interest when the board sets pay. Our staff directors step out of those items.'] },
  { category: 'legal-and-governance', title: 'Re-tendering: the council wants to go to market', body: 'Our five-year contract ends next year and the council has said it will re-tender. We were told at spin-out that we would get an extension. Anyone been through a re-tender?', replies: ['Yes. Start now. Gather outcome data, staff and user testimonials, and your social value figures.', 'Ask the commissioner early whether they will use the light-touch regime. It changes what you can negotiate.', 'We won ours against two national providers. Social value was 20% of the score and that is where we beat them.', 'Also check whether the contract can be modified instead of re-tendered. Sometimes it can.'] },
  { category: 'people-and-culture', title: 'TUPE consultation: how long did yours actually take?', body: 'We have 340 staff transferring. Legal says the statutory minimum, unions want longer. What worked?', replies: ['We did 90 days. Less than that and the measures letter would not have been ready.', 'Put the measures in writing early, even if there are none. People worry about what they are not told.', 'Make sure the employee liability information is accurate. Ours had 30 errors in it.'] },
  { category: 'people-and-culture', title: 'Keeping staff engaged two years after go-live', body: 'The excitement of spin-out has worn off. Staff survey engagement dropped from 78% to 61%. What has worked for you?', replies: ['A staff council with a real budget. Ours decides how £50k a year is spent on improvements.', 'We publish every board decision in plain English within a week.', 'Honestly, pay. We gave a profit share in a good year and it mattered more than any forum.'] },
  { category: 'people-and-culture', title: 'Harmonising terms after a second TUPE transfer', body: 'We took on a service from a different council, so now we have two sets of terms. Did anyone harmonise, and how?', replies: ['We left them protected and put new starters on one set. It took five years to converge naturally.', 'Take legal advice: changing terms because of the transfer is void, but an ETO reason may apply later.'] },
  { category: 'people-and-culture', title: 'Leadership development for new directors', body: 'Our managers have become directors overnight. Any good board development programmes?', replies: ['The Employee Ownership Association runs sessions that were useful for us.', 'Pair each new director with a mentor from another mutual. The scheme here can set that up.'] },
  { category: 'partnerships', title: 'Partnering with local VCSE organisations', body: 'We want to bid with two local charities for a wellbeing contract. How have others structured this: lead provider, consortium, or joint venture?', replies: ['Lead provider with subcontracts worked for us. Clear, and commissioners like one accountable body.', 'Agree the management fee up front. We fell out over 8%.'] },
  { category: 'partnerships', title: 'Anyone formed a consortium of mutuals?', body: 'There are four mutuals in our county. We are thinking of a shared back office. Has anyone done this?', replies: ['We share payroll and HR with another mutual. Saved about £40k each per year.', 'Start with one service. Shared IT was too ambitious for us as a first step.'] },
  { category: 'health-and-care', title: 'CQC registration timeline for a new provider', body: 'We are a community health team spinning out. How long did CQC registration take?', replies: ['Four months, and we started early. Get your registered manager in place first.', 'Ours took six. The interview was straightforward; the paperwork was not.'] },
  { category: 'health-and-care', title: 'NHS Pension access after spin-out', body: 'Staff want to keep the NHS Pension. Did you get direction body status?', replies: ['Yes, through the contract with the commissioner. It has to be an NHS-funded service.', 'We did, but it constrains who we can recruit onto the scheme for non-NHS work.'] },
  { category: 'health-and-care', title: 'Home care rates and the minimum wage rise', body: 'Our adult social care contract rate does not cover the wage increase. How are you negotiating?', replies: ['We shared our cost model openly with the commissioner. They found an extra 4%.', 'Cost of care exercises are your friend. Push for one.'] },
  { category: 'children-and-young-people', title: 'Spinning out a youth service with volunteers', body: 'About a third of our delivery is volunteer-led. Anything special to think about?', replies: ['Safeguarding policies and DBS arrangements need to transfer cleanly on day one.', 'Make volunteers members too. It strengthened our community voice in the bid.'] },
  { category: 'children-and-young-people', title: 'Education support traded services: pricing to schools', body: 'We sell services to schools now, not just the council. How do you price?', replies: ['Tiered packages with a small discount for academies in the same trust.', 'Price for full cost recovery, then subsidise the schools that need it from reserves.'] },
  { category: 'leisure-libraries-and-culture', title: 'Library mutual: keeping branches open on less money', body: 'Our library mutual faces a 12% cut. Anyone found new income that actually works?', replies: ['Room hire and a café partnership. Modest but steady.', 'Community-managed branches with volunteers, supported by our professional staff.'] },
  { category: 'leisure-libraries-and-culture', title: 'Leisure trust energy costs', body: 'Energy for pools doubled. Any mutuals found funding for heat pumps or solar?', replies: ['We got Public Sector Decarbonisation funding through the council as landlord.', 'Pool covers. Cheap and saved us 15% on that site.'] },
  { category: 'other-public-services', title: 'Employment support mutual: payment by results', body: 'Our new contract is 30% payment by results. How do others manage cash flow?', replies: ['Negotiate an attachment fee that covers fixed costs.', 'Track outcomes weekly, not monthly. It helps you claim faster.'] },
  { category: 'other-public-services', title: 'Back-office spin-out: selling to other councils', body: 'We are an HR and payroll mutual. Selling to councils other than our parent has been slow. Tips?', replies: ['Get onto a framework. Direct award routes make it much easier for councils to buy.', 'Case studies from your parent council open doors.'] },
  { category: 'success-and-celebrations', title: 'We won the re-tender!', body: 'Five years after spinning out, we have won our community health contract for another seven years. Thank you to everyone here who shared their re-tendering experience.', replies: ['Brilliant news, congratulations!', 'Well deserved. The social value section you shared was excellent.', 'Fantastic. Drinks on you at the next network meeting.'] },
  { category: 'success-and-celebrations', title: 'Staff ownership award for our library mutual', body: 'We were highly commended in the employee ownership awards this week. The staff council wrote the entry themselves.', replies: ['Congratulations to the whole team!', 'That is what it is all about. Well done.'] },
];

/** The demo members acting through the same service the API uses. */
const actingAs = (id: string, role: AuthUser['role'] = 'member'): AuthUser => ({ id, role, status: 'active', sessionId: 'demo-seed', via: 'bearer' });

/** Forum categories and realistic threads from demo members, spread over the past two months. */
@Injectable()
export class ForumsDemoSeed implements OnModuleInit {
  constructor(
    private readonly seeder: DemoSeeder,
    private readonly reading: ForumsReadingService,
    private readonly posting: ForumsPostingService,
    private readonly moderation: ForumsModerationService,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'Forum categories and threads', run: (world, out) => this.run(world, out) });
  }

  private async run(world: DemoWorld, out: NodeJS.WriteStream): Promise<void> {
    const random = new SeededRandom(4);
    const members = [...world.members.values()].map((m) => m.id);
    const coordinator = world.coordinatorIds[0];
    if (!coordinator || members.length < 2) return;
    // A server that started without demo data already has the default categories (same slugs).
    const categoryIds = new Map((await this.reading.categories({ includeArchived: true })).map((c) => [c.slug, c.id]));
    for (const [position, category] of DEMO_FORUM_CATEGORIES.entries()) {
      if (!categoryIds.has(category.slug)) categoryIds.set(category.slug, (await this.moderation.createCategory({ ...category, position })).id);
    }
    const progress = new Progress('Forum threads', THREADS.length, out);
    const now = Date.now();
    for (const thread of THREADS) {
      const author = thread.pinned ? actingAs(coordinator, 'coordinator') : actingAs(random.pick(members));
      let at = now - random.int(3, 60) * DAY;
      const { value: created } = await this.posting.createThread(author, { categoryId: categoryIds.get(thread.category)!, title: thread.title, body: thread.body }, { at: new Date(at), rateLimited: false });
      for (const body of thread.replies) {
        at += random.int(1, 30) * HOUR;
        const replier = actingAs(random.pick(members.filter((id) => id !== author.id)));
        await this.posting.reply(replier, created.id, { body }, { at: new Date(Math.min(at, now)), rateLimited: false });
      }
      if (thread.pinned) await this.moderation.setThreadFlag(author, created.id, 'pinned', true);
      progress.tick();
    }
  }
}
