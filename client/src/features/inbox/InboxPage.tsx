import { LockOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@apollo/client/react";
import { App, Badge, Button, Empty, Flex, Result, Space, Typography } from "antd";
import { useMemo, useRef, useState } from "react";
import { classifyFailure } from "../../apollo/failure";
import { useAuth } from "../../auth/context";
import { useViewer } from "../../auth/useViewer";
import { useI18n } from "../../i18n/context";
import { describeFailure } from "../../i18n/describe-failure";
import { formatNumber } from "../../i18n/format";
import { randomKey } from "../../shared/idempotency";
import { LiveBadge } from "../../shared/LiveIndicator";
import { Loading } from "../../shared/Loading";
import { QueryFailure } from "../../shared/QueryFailure";
import { InboxCard } from "./InboxCard";
import { canConfirm, inboxRows, type InboxRow } from "./inbox-rows";
import { CONFIRM_PLEDGE_MUTATION, INBOX_QUERY, REJECT_PLEDGE_MUTATION } from "./inbox.query";
import { PagePager } from "../../shared/PagePager";
import { useCursorPages } from "../../shared/useCursorPages";
import { RejectModal } from "./RejectModal";
import { useInboxLive } from "./useInboxLive";

/** Codes after which the list is out of date: the pledge was decided, changed or withdrawn meanwhile. */
const STALE_CODES = new Set([
  "PLEDGE_ALREADY_DECIDED",
  "VERSION_CONFLICT",
  "PLEDGE_NOT_REPORTED",
  "PLEDGE_WITHDRAWN",
]);

/**
 * Xác nhận phần việc: the pledges reported done by the units directly below the committee's own, waiting for
 * its decision; confirm in one click, reject with a reason. The list follows the event stream, so a decision
 * taken by someone else (another committee member, another tab) removes the pledge here too.
 */
export function InboxPage() {
  const { t } = useI18n();
  const { state, openSignIn } = useAuth();
  const viewer = useViewer();
  if (!state.session) {
    return (
      <Result
        icon={<LockOutlined />}
        title={t("inbox.signIn.title")}
        subTitle={t("inbox.signIn.text")}
        extra={
          <Button type="primary" onClick={openSignIn}>
            {t("auth.signIn")}
          </Button>
        }
      />
    );
  }
  if (viewer.error && !viewer.data) {
    return <QueryFailure error={viewer.error} onRetry={() => void viewer.refetch()} />;
  }
  const user = viewer.data?.viewer;
  if (!user) return <Loading />;
  if (!canConfirm(user.roles)) {
    return <Result status="info" title={t("inbox.title")} subTitle={t("inbox.notCommittee")} />;
  }
  return <Inbox code={user.unit.code} />;
}

function Inbox({ code }: { code: string }) {
  const { locale, t } = useI18n();
  const { message } = App.useApp();
  const pages = useCursorPages(code);
  const inbox = useQuery(INBOX_QUERY, {
    variables: { code, after: pages.after },
    fetchPolicy: "cache-and-network",
  });
  // While another page loads, the one shown stays (and its buttons work).
  const shownData = inbox.data ?? inbox.previousData;
  const [confirmPledge] = useMutation(CONFIRM_PLEDGE_MUTATION);
  const [rejectPledge] = useMutation(REJECT_PLEDGE_MUTATION);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [rejecting, setRejecting] = useState<InboxRow | null>(null);
  // One key per pledge and decision until it goes through: a retry after a lost answer does not act twice.
  const keys = useRef(new Map<string, string>());
  const keyFor = (action: string, row: InboxRow) => {
    const id = `${action}:${row.pledge.id}:${row.pledge.version}`;
    let key = keys.current.get(id);
    if (!key) keys.current.set(id, (key = randomKey()));
    return key;
  };

  const rows = useMemo(() => (shownData ? inboxRows(shownData, decided) : []), [shownData, decided]);
  const shown = useRef(new Map<string, string>());
  shown.current = new Map(rows.map((row) => [row.pledge.id, row.pledge.title]));

  // Pledges this page decided: their events are no news here.
  const mine = useRef(new Set<string>());
  const live = useInboxLive(
    code,
    () => void inbox.refetch().catch(() => undefined),
    (pledgeId, action) => {
      const title = shown.current.get(pledgeId);
      if (
        title &&
        (action === "PLEDGE_CONFIRMED" || action === "PLEDGE_REJECTED") &&
        !mine.current.has(pledgeId)
      ) {
        void message.info(t("inbox.decidedElsewhere", { title }));
      }
    },
  );

  const mark = (id: string, on: boolean) => {
    if (on) mine.current.add(id);
    setPending((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const failed = (error: unknown) => {
    const failure = classifyFailure(error);
    const { sentence, reference } = describeFailure(locale, failure);
    void message.error({ content: reference ? `${sentence} ${reference}` : sentence, duration: 6 });
    if (failure.kind === "api" && STALE_CODES.has(failure.code)) void inbox.refetch().catch(() => undefined);
  };

  const confirm = async (row: InboxRow) => {
    mark(row.pledge.id, true);
    try {
      await confirmPledge({
        variables: {
          input: { id: row.pledge.id, expectedVersion: row.pledge.version },
          idempotencyKey: keyFor("confirm", row),
        },
      });
      setDecided((current) => new Set(current).add(row.pledge.id));
      void message.success(t("inbox.confirmed", { title: row.pledge.title }));
    } catch (error) {
      failed(error);
    } finally {
      mark(row.pledge.id, false);
    }
  };

  const reject = async (row: InboxRow, reason: string) => {
    mark(row.pledge.id, true);
    try {
      await rejectPledge({
        variables: {
          input: { id: row.pledge.id, expectedVersion: row.pledge.version, reason },
          idempotencyKey: keyFor(`reject:${reason}`, row),
        },
      });
      setDecided((current) => new Set(current).add(row.pledge.id));
      setRejecting(null);
      void message.success(t("inbox.rejected", { title: row.pledge.title }));
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === "api" && STALE_CODES.has(failure.code)) {
        setRejecting(null);
        failed(error);
        return;
      }
      throw error; // shown in the form, which stays open to try again
    } finally {
      mark(row.pledge.id, false);
    }
  };

  const pageInfo = shownData?.pledges.pageInfo;
  const pager = (
    <PagePager
      index={pages.index}
      hasNextPage={pageInfo?.hasNextPage ?? false}
      onPrevious={pages.previous}
      onNext={() => pageInfo?.endCursor && pages.next(pageInfo.endCursor)}
      loading={inbox.loading}
      label={t("inbox.page", { page: pages.index + 1 })}
    />
  );

  let body;
  if (inbox.error && !shownData) {
    body = <QueryFailure error={inbox.error} onRetry={() => void inbox.refetch()} />;
  } else if (!shownData) {
    body = <Loading />;
  } else if (rows.length === 0) {
    body = (
      <Empty description={t(pageInfo?.hasNextPage || pages.index > 0 ? "inbox.emptyPage" : "inbox.empty")} />
    );
  } else {
    body = (
      <Flex vertical gap="middle" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {rows.map((row) => (
          <li key={row.pledge.id}>
            <InboxCard
              row={row}
              busy={pending.has(row.pledge.id)}
              onConfirm={() => void confirm(row)}
              onReject={() => setRejecting(row)}
            />
          </li>
        ))}
      </Flex>
    );
  }

  const unit = shownData?.orgUnit;
  return (
    <Flex vertical gap="large">
      <Flex wrap gap="middle" align="end" justify="space-between">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} style={{ marginBottom: 0 }}>
            {t("inbox.title")}
          </Typography.Title>
          {unit && (
            <Typography.Text type="secondary">
              {t("inbox.subtitle", { unit: t(`unitTitle.${unit.kind}`, { name: unit.name }) })}
            </Typography.Text>
          )}
        </div>
        <Space size="middle" wrap>
          {shownData && (
            <Badge
              count={rows.length}
              showZero
              color={rows.length ? "gold" : "green"}
              title={t("inbox.count", { count: formatNumber(locale, rows.length) })}
            >
              <Typography.Text data-testid="inbox-count" style={{ paddingInlineEnd: 12 }}>
                {t("inbox.waiting")}
              </Typography.Text>
            </Badge>
          )}
          <LiveBadge status={live.status} />
        </Space>
      </Flex>
      {body}
      {pager}
      {rejecting && <RejectModal row={rejecting} onReject={reject} onClose={() => setRejecting(null)} />}
    </Flex>
  );
}
