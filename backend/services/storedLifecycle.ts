// A matter row keeps its domain lifecycle as JSON; reading it back checks it against the schema.
import { matterLifecycleSchema, type MatterLifecycle } from '../../domain/matters/lifecycle';

export const lifecycleOf = (json: string): MatterLifecycle => matterLifecycleSchema.parse(JSON.parse(json));
