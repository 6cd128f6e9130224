// Chinese for zod's built-in messages (unknown keys, wrong types…): every refusal a person can
// see is in Chinese, including the ones no schema wrote a message for.
import { z } from 'zod';

z.config(z.locales.zhCN());
