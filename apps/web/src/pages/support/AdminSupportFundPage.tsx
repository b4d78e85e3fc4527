// /admin/support/fund: the fund (total, committed, delivered, remaining), by support area and by
// delivery partner, with charts; its total; the delivery partners and their advisers.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SupportFundView, SupportPartnerView } from '@mutuals/contracts';
import { api, errorMessage } from '../../api/client';
import { SUPPORT_STATUS_LABELS, fundQuery, partnersQuery, pounds, supportKeys } from '../../api/support';
import { termOptions, useTaxonomy } from '../../api/taxonomy';
import { ActionFeedback, Alert, Button, Card, ChartWithTable, PageTitle, Select, Spinner, TextField } from '../../components';

export function AdminSupportFundPage() {
  const fund = useQuery(fundQuery());
  if (fund.isPending) return <Spinner />;
  if (fund.error) return <Alert tone="danger">{errorMessage(fund.error)}</Alert>;
  const f = fund.data;
  return (
    <>
      <PageTitle
        title="The support fund"
        lead="What the programme's professional advice budget has committed and delivered, by area of advice and by delivery partner."
      />
      <dl className="support-figures">
        <div>
          <dt>Total</dt>
          <dd>{pounds(f.totalPence)}</dd>
        </div>
        <div>
          <dt>Committed</dt>
          <dd>{pounds(f.committedPence)}</dd>
        </div>
        <div>
          <dt>Delivered</dt>
          <dd>{pounds(f.deliveredPence)}</dd>
        </div>
        <div>
          <dt>Remaining</dt>
          <dd>{pounds(f.remainingPence)}</dd>
        </div>
      </dl>
      <ChartWithTable
        title="By area of advice"
        description="Committed covers every approved allocation (what is delivered included); closed applications count what they delivered."
        labelHeader="Area"
        rows={f.byArea.map((r) => ({ label: r.name, committed: r.committedPence / 100, delivered: r.deliveredPence / 100 }))}
        series={[
          { key: 'committed', name: 'Committed (£)' },
          { key: 'delivered', name: 'Delivered (£)' },
        ]}
        format={(v) => pounds(Math.round(v * 100))}
      />
      <ChartWithTable
        title="By delivery partner"
        labelHeader="Partner"
        rows={f.byPartner.map((r) => ({ label: r.name, allocated: r.allocatedDays, delivered: r.deliveredDays }))}
        series={[
          { key: 'allocated', name: 'Days allocated' },
          { key: 'delivered', name: 'Days delivered' },
        ]}
      />
      <Card title="Applications">
        <ul>
          {Object.entries(f.applications).map(([status, n]) => (
            <li key={status}>
              {SUPPORT_STATUS_LABELS[status as keyof typeof SUPPORT_STATUS_LABELS]}: {n}
            </li>
          ))}
        </ul>
        {f.meanRating !== null && <p>Mean rating of delivered advice: {f.meanRating} of 5</p>}
      </Card>
      <TotalCard fund={f} />
      <PartnersCard />
    </>
  );
}

function TotalCard({ fund }: { fund: SupportFundView }) {
  const client = useQueryClient();
  const [total, setTotal] = useState(String(fund.totalPence / 100));
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api.put<SupportFundView>('/admin/support/fund', { totalPence: Math.round(Number(total.replace(/[£,\s]/g, '')) * 100) }),
    onSuccess: (saved) => {
      client.setQueryData(supportKeys.fund(), saved);
      setNotice(`The fund is now ${pounds(saved.totalPence)}.`);
    },
  });
  return (
    <Card title="The fund's total">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <TextField
          label="Total (£)"
          name="fund-total"
          inputMode="decimal"
          hint="Never below what is committed"
          value={total}
          onChange={(e) => setTotal(e.target.value)}
        />
        <ActionFeedback notice={notice} error={save.error} />
        <Button type="submit" busy={save.isPending}>
          Save the total
        </Button>
      </form>
    </Card>
  );
}

function PartnersCard() {
  const client = useQueryClient();
  const { taxonomy } = useTaxonomy();
  const partners = useQuery(partnersQuery());
  const [form, setForm] = useState({ name: '', region: '', dayRate: '' });
  const [adviser, setAdviser] = useState({ partnerId: '', userId: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const done = async (text: string) => {
    setNotice(text);
    await client.invalidateQueries({ queryKey: supportKeys.partners() });
  };
  const create = useMutation({
    mutationFn: () =>
      api.post<SupportPartnerView>('/admin/support/partners', {
        name: form.name,
        region: form.region,
        dayRatePence: Math.round(Number(form.dayRate) * 100),
      }),
    onSuccess: (p) => done(`${p.name} added.`),
  });
  const addAdviser = useMutation({
    mutationFn: () =>
      api.post<SupportPartnerView>(`/admin/support/partners/${adviser.partnerId}/advisers`, { userId: adviser.userId.trim() }),
    onSuccess: (p) => done(`Adviser added to ${p.name}.`),
  });
  return (
    <Card title="Delivery partners">
      <ul>
        {(partners.data ?? []).map((p) => (
          <li key={p.id}>
            {p.name}, {pounds(p.dayRatePence)} a day. Advisers: {p.advisers.map((a) => a.displayName).join(', ') || 'none yet'}
          </li>
        ))}
      </ul>
      <ActionFeedback notice={notice} error={create.error ?? addAdviser.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h3>Add a partner</h3>
        <TextField label="Name" name="partner-name" value={form.name} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} />
        <Select
          label="Region"
          name="partner-region"
          placeholder="Choose a region"
          options={termOptions(taxonomy?.regions)}
          value={form.region}
          onChange={(e) => setForm((f) => ({ ...f, region: e.target.value }))}
        />
        <TextField
          label="Day rate (£, whole pounds)"
          name="partner-rate"
          inputMode="numeric"
          value={form.dayRate}
          onChange={(e) => setForm((f) => ({ ...f, dayRate: e.target.value }))}
        />
        <Button type="submit" busy={create.isPending}>
          Add the partner
        </Button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          addAdviser.mutate();
        }}
      >
        <h3>Make a member an adviser</h3>
        <Select
          label="Partner"
          name="adviser-partner"
          placeholder="Choose a partner"
          options={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={adviser.partnerId}
          onChange={(e) => setAdviser((a) => ({ ...a, partnerId: e.target.value }))}
        />
        <TextField
          label="Member id"
          name="adviser-user"
          hint="The last part of their profile's address, /members/…"
          value={adviser.userId}
          onChange={(e) => setAdviser((a) => ({ ...a, userId: e.target.value }))}
        />
        <Button type="submit" busy={addAdviser.isPending} disabled={!adviser.partnerId || !adviser.userId.trim()}>
          Make adviser
        </Button>
      </form>
    </Card>
  );
}
