import { SearchOutlined } from "@ant-design/icons";
import { Card, Flex, Input, Typography } from "antd";
import { useState } from "react";
import { CITY_CODE } from "../../app/scope";
import { useAuth } from "../../auth/context";
import { useI18n } from "../../i18n/context";
import { AppLink } from "../../shared/AppLink";
import { unitPath } from "../../shared/paths";
import { PageHeader } from "../../shared/PageHeader";
import { useDebouncedValue } from "../../shared/useDebouncedValue";
import { searchText } from "./unit-tree";
import { UnitSearchResults } from "./UnitSearchResults";
import { UnitTree } from "./UnitTree";

/** Đơn vị: find a unit by name (diacritics optional) or browse the tree city → districts → communes → cells. */
export function UnitBrowser() {
  const { t } = useI18n();
  const own = useAuth().state.session?.user.unit;
  const [input, setInput] = useState("");
  // One request per pause in typing: anonymous visitors have a small query budget.
  const search = searchText(useDebouncedValue(input, 300));

  return (
    <Flex vertical gap="large">
      <PageHeader
        title={t("units.title")}
        subtitle={t("units.browse.subtitle")}
        extra={
          own &&
          own.code !== CITY_CODE && (
            <AppLink to={unitPath(own.code)}>
              {t("units.ownUnit", { unit: t(`unitTitle.${own.kind}`, { name: own.name }) })}
            </AppLink>
          )
        }
      />
      <Card>
        <Flex vertical gap="middle">
          <Input
            allowClear
            size="large"
            prefix={<SearchOutlined aria-hidden />}
            placeholder={t("units.search.placeholder")}
            aria-label={t("units.search.label")}
            value={input}
            onChange={(event) => setInput(event.target.value)}
          />
          {input.trim() !== "" && !search && (
            <Typography.Text type="secondary">{t("units.search.tooShort")}</Typography.Text>
          )}
          {search ? <UnitSearchResults search={search} /> : <UnitTree rootCode={CITY_CODE} />}
        </Flex>
      </Card>
    </Flex>
  );
}
