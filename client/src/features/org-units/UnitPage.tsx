import { useQuery } from "@apollo/client/react";
import { Breadcrumb, Card, Flex, Result, Spin, Tabs, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { classifyFailure } from "../../apollo/failure";
import { PAGE_PATHS } from "../../app/navigation";
import { SUMMARY_YEAR } from "../../app/scope";
import { useAuth } from "../../auth/context";
import { UnitPageDocument, type UnitPageQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { AppLink } from "../../shared/AppLink";
import { Loading } from "../../shared/Loading";
import { PageHeader } from "../../shared/PageHeader";
import { unitPath } from "../../shared/paths";
import { QueryFailure } from "../../shared/QueryFailure";
import { UnitKindTag } from "../../shared/UnitKindTag";
import { YearSelect } from "../../shared/YearSelect";
import { peopleAccess, type PeopleAccess } from "./people-access";
import { PeopleGate } from "./PeopleGate";
import { UnitChildren } from "./UnitChildren";
import { UnitGradeLine } from "./UnitGradeLine";
import { UnitConcerns } from "./UnitConcerns";
import { UnitMembers } from "./UnitMembers";
import { UnitNtm } from "./UnitNtm";
import { UnitPledges } from "./UnitPledges";
import { UnitVisits, visitsOf } from "./UnitVisits";

export type PageUnit = UnitPageQuery["orgUnit"];

/**
 * A unit's page (/units/:code): who directs it, their pledges and visits, NTM status and the concerns it
 * raised, for a year. Anonymous visitors see the public part (the unit, NTM) and a sign-in prompt in place of
 * the people; users see the people only inside their own subtree, and are told so outside it.
 */
export function UnitPage({ code }: { code: string }) {
  const { t } = useI18n();
  const session = useAuth().state.session;
  const signedIn = Boolean(session);
  const [year, setYear] = useState(SUMMARY_YEAR);
  const { data, previousData, error, loading, refetch } = useQuery(UnitPageDocument, {
    variables: { code, year, from: `${year}-01-01`, to: `${year}-12-31`, signedIn },
  });

  if (error && !loading) {
    const failure = classifyFailure(error);
    if (failure.kind === "api" && failure.code === "UNIT_NOT_FOUND") {
      return (
        <Result
          status="404"
          title={t("units.notFound.title", { code })}
          subTitle={t("error.UNIT_NOT_FOUND")}
          extra={<AppLink to={PAGE_PATHS.units}>{t("units.backToTree")}</AppLink>}
        />
      );
    }
    return <QueryFailure error={error} onRetry={() => void refetch()} />;
  }
  const unit = (data ?? previousData)?.orgUnit;
  if (!unit) return <Loading />;

  const access = peopleAccess(signedIn, unit.code, unit.summary?.coveredUnit);
  // ADMIN, or a COMMITTEE whose subtree holds the unit, assigns its directing members (the server checks).
  const manages =
    access.kind === "full" &&
    (session?.user.roles.some((role) => role === "ADMIN" || role === "COMMITTEE") ?? false);
  // A unit's yearly grade is set by the committee directly above it.
  const grades =
    (session?.user.roles.includes("COMMITTEE") ?? false) &&
    unit.ancestors.at(-1)?.code === session?.user.unit.code;
  const gate = (content: ReactNode) => <PeopleGate access={access}>{content}</PeopleGate>;
  const visits = visitsOf(unit.assignments ?? []);
  const count = (n: number | undefined) => (access.kind === "full" && n !== undefined ? ` (${n})` : "");
  const showsNtm = unit.kind === "COMMUNE" || unit.kind === "RURAL_DISTRICT";

  const tabs = [
    {
      key: "members",
      label: t("units.tab.members") + count(unit.assignments?.length),
      children: gate(
        <UnitMembers
          assignments={unit.assignments ?? []}
          year={year}
          manage={
            manages && session
              ? {
                  unit: { code: unit.code, title: t(`unitTitle.${unit.kind}`, { name: unit.name }) },
                  ownUnit: session.user.unit.code,
                  onChanged: () => void refetch(),
                }
              : undefined
          }
        />,
      ),
    },
    {
      key: "pledges",
      label: t("units.tab.pledges") + count(unit.pledges?.length),
      children: gate(<UnitPledges unit={unit} year={year} pledges={unit.pledges ?? []} />),
    },
    {
      key: "visits",
      label: t("units.tab.visits") + count(visits.length),
      children: gate(<UnitVisits visits={visits} />),
    },
    ...(showsNtm
      ? [{ key: "ntm", label: t("units.tab.ntm"), children: <UnitNtm unit={unit} year={year} /> }]
      : []),
    {
      key: "concerns",
      label: t("units.tab.concerns") + count(unit.concerns?.length),
      children: gate(<UnitConcerns concerns={unit.concerns ?? []} />),
    },
    ...(unit.children.length > 0
      ? [
          {
            key: "children",
            label: `${t("units.tab.children")} (${unit.children.length})`,
            children: <UnitChildren units={unit.children} />,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap="middle">
      <Breadcrumb
        items={[
          { key: "tree", title: <AppLink to={PAGE_PATHS.units}>{t("units.title")}</AppLink> },
          ...unit.ancestors.map((ancestor) => ({
            key: ancestor.code,
            title: <AppLink to={unitPath(ancestor.code)}>{ancestor.name}</AppLink>,
          })),
          { key: unit.code, title: unit.name },
        ]}
      />
      <PageHeader
        title={t(`unitTitle.${unit.kind}`, { name: unit.name })}
        subtitle={
          <Flex gap="small" wrap align="center" component="span">
            <UnitKindTag kind={unit.kind} />
            <span>{t("units.code", { code: unit.code })}</span>
            {unit.generated && <Tag>{t("units.generated")}</Tag>}
            {unit.validTo && <Tag color="red">{t("units.validTo", { date: unit.validTo })}</Tag>}
          </Flex>
        }
        extra={<YearSelect value={year} onChange={setYear} />}
      />
      <ScopeNotice access={access} />
      {access.kind === "full" && (
        <UnitGradeLine
          unit={{ code: unit.code, title: t(`unitTitle.${unit.kind}`, { name: unit.name }) }}
          year={year}
          canGrade={grades}
        />
      )}
      <Spin spinning={loading}>
        <Card styles={{ body: { paddingTop: 8 } }}>
          {/* Anonymous visitors start on the public part (NTM) when there is one. */}
          <Tabs items={tabs} defaultActiveKey={access.kind === "anonymous" && showsNtm ? "ntm" : undefined} />
        </Card>
      </Spin>
    </Flex>
  );
}

function ScopeNotice({ access }: { access: PeopleAccess }) {
  const { t } = useI18n();
  if (access.kind !== "partial") return null;
  return (
    <Typography.Text type="secondary">
      {t("units.scope.partial")}{" "}
      <AppLink to={unitPath(access.own.code)}>
        {t(`unitTitle.${access.own.kind}`, { name: access.own.name })}
      </AppLink>
    </Typography.Text>
  );
}
