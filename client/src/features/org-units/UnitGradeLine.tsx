import { useMutation, useQuery } from "@apollo/client/react";
import { Button, Flex, Form, Radio, Tag, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/context";
import { MutationFormModal } from "../../shared/MutationFormModal";
import { SET_UNIT_GRADE_MUTATION, UNIT_GRADE_QUERY, UNIT_GRADES, type UnitGrade } from "./unit-grade.query";

const GRADE_COLORS: Record<UnitGrade, string> = {
  CLEAN_STRONG_EXEMPLARY: "green",
  CLEAN_STRONG: "cyan",
  COMPLETED_WELL: "blue",
  COMPLETED: "default",
  WEAK: "red",
};

/**
 * Xếp loại tổ chức đảng: the unit's grade for the year, and for the committee directly above it (the one that
 * grades it) a button to set it.
 */
export function UnitGradeLine({
  unit,
  year,
  canGrade,
}: {
  unit: { code: string; title: string };
  year: number;
  canGrade: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { data, refetch } = useQuery(UNIT_GRADE_QUERY, { variables: { code: unit.code, year } });
  const grade = data?.unitEvaluations.nodes.find((node) => node.unit.code === unit.code)?.grade ?? null;
  if (!data) return null;
  return (
    <Flex gap="small" wrap align="center" data-testid="unit-grade">
      <Typography.Text type="secondary">{t("unitGrade.label", { year })}</Typography.Text>
      {grade ? (
        <Tag color={GRADE_COLORS[grade]} style={{ marginInlineEnd: 0, whiteSpace: "normal" }}>
          {t(`unitGrade.${grade}`)}
        </Tag>
      ) : (
        <Typography.Text type="secondary">{t("unitGrade.none")}</Typography.Text>
      )}
      {canGrade && (
        <Button size="small" onClick={() => setOpen(true)}>
          {t("unitGrade.set")}
        </Button>
      )}
      {open && (
        <UnitGradeModal
          unit={unit}
          year={year}
          grade={grade}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            void refetch();
          }}
        />
      )}
    </Flex>
  );
}

function UnitGradeModal({
  unit,
  year,
  grade,
  onClose,
  onDone,
}: {
  unit: { code: string; title: string };
  year: number;
  grade: UnitGrade | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [setGrade] = useMutation(SET_UNIT_GRADE_MUTATION);
  return (
    <MutationFormModal<{ grade: UnitGrade }>
      title={t("unitGrade.title", { unit: unit.title, year })}
      initialValues={grade ? { grade } : {}}
      onSubmit={async (values, keyFor) => {
        const input = { unit: { code: unit.code }, year, grade: values.grade };
        await setGrade({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("unitGrade.done")}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="grade"
        label={t("unitGrade.grade")}
        rules={[{ required: true, message: t("unitGrade.required") }]}
      >
        <Radio.Group style={{ display: "flex", flexDirection: "column", gap: 8 }}>
          {UNIT_GRADES.map((value) => (
            <Radio key={value} value={value}>
              {t(`unitGrade.${value}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
    </MutationFormModal>
  );
}
