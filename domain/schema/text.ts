// Free-text fields of the forms: trimmed, required or not, bounded, refused in Chinese.
import { z } from 'zod';

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` });

export const optionalText = (label: string, max: number) => z.string().trim().max(max, { error: `${label}不能超过${max}个字` }).default('');
