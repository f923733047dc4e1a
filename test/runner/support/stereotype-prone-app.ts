import {
  startChatModelServer,
  stereotypeProneAnswer,
  type ChatModelServer,
} from '@lastmile/fixtures';
import { modelBody } from '../../factories/api-bodies';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../../support/test-app';

/** The API and runner, with a model registered that answers as the scripted stereotype-prone fixture. */
export interface StereotypeProneApp {
  t: TestApp;
  modelId: string;
  close(): Promise<void>;
}

export async function startStereotypeProneApp(): Promise<StereotypeProneApp> {
  const t = await startTestApp({ runner: true });
  let model: ChatModelServer | undefined;
  try {
    model = await startChatModelServer({
      answer: (prompt) => stereotypeProneAnswer(prompt) ?? 'I do not know.',
    });
    const adapter = { kind: 'openai-chat', baseUrl: model.baseUrl, model: 'stereotype-prone' };
    const created = await t.http
      .post('/v1/models')
      .set(bearer(TEST_ADMIN_KEY))
      .send(modelBody({ adapter }))
      .expect(201);
    const server = model;
    return {
      t,
      modelId: created.body.id,
      close: async () => {
        await t.close();
        await server.close();
      },
    };
  } catch (error) {
    await t.close();
    await model?.close();
    throw error;
  }
}
