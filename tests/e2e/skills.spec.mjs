// The self-assessment by tapping: every step, results with stars, kept in the vault
// across a reload, a second assessment shows progress. Prints the time each question
// screen takes to appear after a tap (a figure, not an assertion).
import { test, expect } from "@playwright/test";
import { audit, createVault, shots } from "./screens.mjs";
import { answerAll } from "./camera/room.mjs";

test("a complete self-assessment, kept across a reload, then progress", async ({ page }) => {
  const passphrase = await createVault(page, "Lucienne");
  await page.getByTestId("tile-skills").click();
  await page.getByTestId("start-assessment").click();

  // Devices.
  await expect(page.getByTestId("devices-question")).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/skills-1-devices-fr.png`, fullPage: true });
  await page.getByLabel("Un téléphone").check();
  await page.getByRole("button", { name: "Continuer" }).click();

  // Topics.
  await expect(page.getByTestId("topics-question")).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/skills-2-topics-fr.png`, fullPage: true });
  await page.getByTestId("all-topics").click();

  // Levels: a beginner with help on everything but e-mail, done on her own.
  await expect(page.getByTestId("level-question")).toBeVisible();
  await expect(page.getByRole("button", { name: "Écouter la question" })).toBeVisible();
  // Going back undoes the last tap.
  const first = await page.getByTestId("level-question").getAttribute("data-topic");
  await page.getByTestId("level-question").locator('button[data-answer="WithHelp"]').click();
  await page.getByTestId("back").click();
  await expect(page.getByTestId("level-question")).toHaveAttribute("data-topic", first);
  await expect(page.getByTestId("level-question")).toHaveAttribute("data-level", "0");
  const times = await answerAll(page, (topic, level) => (topic === "email" && level < 2 ? "Alone" : "WithHelp"), `${shots}/skills-3`, audit);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`question screen after a tap: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms over ${times.length} taps`);

  // Wishes.
  await expect(page.getByTestId("wishes-question")).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/skills-4-wishes-fr.png`, fullPage: true });
  await page.getByTestId("wishes-question").getByLabel("Les e-mails").check();
  await page.getByTestId("finish").click();

  // Results.
  await expect(page.getByTestId("results")).toBeVisible();
  await expect(page.getByTestId("wants-to-learn")).toContainText("Les e-mails");
  await expect(page.getByTestId("can-help")).toContainText("Rien pour l'instant.");
  await expect(page.locator('[data-testid=results-table] tr[data-topic="email"] .visually-hidden')).toHaveText(/[1-5] étoiles sur 5/);
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/skills-5-results-fr.png`, fullPage: true });
  const emailStars = await page.locator('[data-testid=results-table] tr[data-topic="email"] .visually-hidden').textContent();

  // Reload: still there once the vault is open again.
  await page.reload();
  await expect(page.getByTestId("skills-locked")).toBeVisible();
  await page.getByRole("link", { name: "Retour à l'accueil" }).click();
  await page.getByLabel("Votre phrase secrète").fill(passphrase);
  await page.getByRole("button", { name: "Ouvrir", exact: true }).click();
  await expect(page.getByTestId("hello")).toBeVisible({ timeout: 20_000 });
  await page.getByTestId("tile-skills").click();
  await expect(page.locator('[data-testid=results-table] tr[data-topic="email"] .visually-hidden')).toHaveText(emailStars);

  // A second assessment, answered better on e-mail: progress is shown.
  await page.getByTestId("start-assessment").click();
  await page.getByLabel("Un téléphone").check();
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByTestId("all-topics").click();
  await answerAll(page, (topic) => (topic === "email" ? "CanShow" : "WithHelp"));
  await page.getByTestId("finish").click();
  await expect(page.getByTestId("progress-since-last")).toContainText("Thèmes qui ont gagné des étoiles depuis la dernière fois : ");
  await expect(page.locator('[data-testid=results-table] tr[data-topic="email"] .delta')).toHaveText(/^\+[1-5] étoiles$/);
  await expect(page.getByTestId("can-help")).toContainText("Les e-mails");
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/skills-6-progress-fr.png`, fullPage: true });
});

test("an interrupted self-assessment resumes where it stopped", async ({ page }) => {
  const passphrase = await createVault(page, "Reprise");
  await page.getByTestId("tile-skills").click();
  await page.getByTestId("start-assessment").click();
  await page.getByLabel("Un ordinateur").check();
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByTestId("all-topics").click();
  await page.getByTestId("level-question").locator('button[data-answer="Alone"]').click();
  const where = await page.getByTestId("level-question").getAttribute("data-level");
  expect(where).toBe("1");
  await page.waitForTimeout(300); // the save is a few milliseconds
  // The reload comes back to this screen: the passphrase is asked right here, then the
  // questionnaire goes on at the question it stopped at.
  await page.reload();
  await expect(page.getByTestId("skills-locked")).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/skills-locked-after-reload.png` });
  await page.getByLabel("Votre phrase secrète").fill(passphrase);
  await page.getByRole("button", { name: "Ouvrir", exact: true }).click();
  await expect(page.getByTestId("level-question")).toHaveAttribute("data-level", "1", { timeout: 20_000 });
});

test("the animator adapts the group's topics and the questionnaire follows", async ({ page }) => {
  await createVault(page, "Animatrice");
  await page.getByTestId("tile-settings").click();
  const section = page.getByTestId("group-topics");
  await section.getByLabel("Les réseaux sociaux").uncheck();
  await expect(page.getByTestId("group-topics-status")).toHaveText("La liste du groupe est enregistrée.");

  const form = page.getByTestId("add-topic");
  // A sentence with an abbreviation is refused, kindly.
  await form.getByLabel("Nom du thème").fill("Le site de la mairie");
  await form.getByLabel(/^Phrase « Je sais… » numéro 1/).fill("Je sais trouver le site de la mairie, etc.");
  await form.getByLabel(/^Phrase « Je sais… » numéro 2/).fill("Je sais lire les horaires de la mairie.");
  await form.getByLabel(/^Phrase « Je sais… » numéro 3/).fill("Je sais remplir un formulaire de la mairie.");
  await form.getByLabel("La même phrase en anglais, qui commence par « I » (numéro 1)").fill("I can find the town hall's website.");
  await form.getByLabel("La même phrase en anglais, qui commence par « I » (numéro 2)").fill("I can read the town hall's opening hours.");
  await form.getByLabel("La même phrase en anglais, qui commence par « I » (numéro 3)").fill("I can fill in a town hall form.");
  await form.getByRole("button", { name: "Ajouter ce thème" }).click();
  await expect(form.getByTestId("error")).toContainText("Ce thème ne suit pas les règles");
  await form.getByLabel(/^Phrase « Je sais… » numéro 1/).fill("Je sais trouver le site de la mairie.");
  await form.getByRole("button", { name: "Ajouter ce thème" }).click();
  await expect(page.getByTestId("local-topics")).toContainText("Retirer « Le site de la mairie »");
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/settings-group-topics-fr.png`, fullPage: true });

  await page.getByRole("link", { name: "Retour à l'accueil" }).click();
  await page.getByTestId("tile-skills").click();
  await page.getByTestId("start-assessment").click();
  await page.getByLabel("Un téléphone").check();
  await page.getByRole("button", { name: "Continuer" }).click();
  const topics = page.getByTestId("topics-question");
  await expect(topics.getByLabel("Le site de la mairie")).toBeVisible();
  await expect(topics.getByLabel("Les réseaux sociaux")).toHaveCount(0);
  // The group's own topic is asked like the others.
  await topics.getByLabel("Le site de la mairie").check();
  await topics.getByRole("button", { name: "Seulement les thèmes cochés" }).click();
  await expect(page.getByTestId("level-question").locator("h2")).toHaveText("Le site de la mairie");
  await expect(page.getByTestId("level-question").locator(".sentence")).toHaveText("Je sais trouver le site de la mairie.");
});
