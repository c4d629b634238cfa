// Runs the bundled extension-host tests (MENTORSHIP_INTEGRATION_BUNDLE) when its command is invoked and
// writes the results as JSON to MENTORSHIP_INTEGRATION_RESULTS. Both come from the e2e harness.
const vscode = require('vscode');
const fs = require('node:fs');

/**
 * A stand-in language model (VS Code 1.104+, where an extension can provide one): it writes each request's
 * messages to MENTORSHIP_FAKE_MODEL_LOG and answers with a fixed text, or, asked for a session entry, with
 * one as JSON. So the tests see what a model would be sent, and what the extension does with its answer.
 */
function registerFakeModel(context) {
  if (typeof vscode.lm.registerLanguageModelChatProvider !== 'function') {
    return;
  }
  const textOf = (m) => (m.content || []).map((p) => (typeof p.value === 'string' ? p.value : '')).join('');
  context.subscriptions.push(
    vscode.lm.registerLanguageModelChatProvider('mentorship-fake', {
      provideLanguageModelChatInformation: () => [
        { id: 'mentorship-fake-model', name: 'Fake Model', family: 'fake', version: '1', maxInputTokens: 200000, maxOutputTokens: 8000, capabilities: {}, isUserSelectable: true },
      ],
      async provideLanguageModelChatResponse(_model, messages, _options, progress) {
        const sent = messages.map(textOf).join('\n');
        const log = process.env.MENTORSHIP_FAKE_MODEL_LOG;
        if (log) {
          fs.appendFileSync(log, JSON.stringify(sent) + '\n');
        }
        const answer = sent.includes('mentorship_log_session')
          ? JSON.stringify({ topics: ['cart tests'], notes: 'Went through the cart tests.', newActions: [{ text: 'Pair with Tom on fixtures', owner: 'mentee', due: '2026-12-04' }] })
          : 'FAKE MODEL AGENDA: 1. The fixture builder (`a-fixture-builder`).';
        progress.report(new vscode.LanguageModelTextPart(answer));
      },
      provideTokenCount: (_model, text) => Math.ceil((typeof text === 'string' ? text : textOf(text)).length / 4),
    }),
  );
}

exports.activate = function activate(context) {
  registerFakeModel(context);
  context.subscriptions.push(
    // Runs each command named in MENTORSHIP_COMMANDS (a JSON file: [{ id, args }]) in turn, as a keybinding or
    // a menu would, and writes what each returned or threw to MENTORSHIP_COMMANDS_RESULTS.
    vscode.commands.registerCommand('mentorshipTests.runCommands', async () => {
      const list = JSON.parse(fs.readFileSync(process.env.MENTORSHIP_COMMANDS, 'utf8'));
      const out = [];
      for (const c of list) {
        try {
          await vscode.commands.executeCommand(c.id, ...(c.args || []));
          out.push({ id: c.id, ok: true });
        } catch (e) {
          out.push({ id: c.id, ok: false, error: String(e && e.message ? e.message : e) });
        }
      }
      const file = process.env.MENTORSHIP_COMMANDS_RESULTS;
      fs.writeFileSync(file + '.tmp', JSON.stringify(out, null, 2));
      fs.renameSync(file + '.tmp', file);
    }),
    vscode.commands.registerCommand('mentorshipTests.run', async () => {
      const bundle = process.env.MENTORSHIP_INTEGRATION_BUNDLE;
      const out = process.env.MENTORSHIP_INTEGRATION_RESULTS;
      if (!bundle || !out) {
        void vscode.window.showErrorMessage('MENTORSHIP_INTEGRATION_BUNDLE and MENTORSHIP_INTEGRATION_RESULTS must be set.');
        return;
      }
      let result;
      try {
        result = await require(bundle).runSuite();
      } catch (e) {
        result = { passed: 0, failed: 1, tests: [{ title: 'loading the suite', state: 'failed', error: String(e && e.stack ? e.stack : e) }] };
      }
      fs.writeFileSync(out + '.tmp', JSON.stringify(result, null, 2));
      fs.renameSync(out + '.tmp', out);
    }),
  );
};
