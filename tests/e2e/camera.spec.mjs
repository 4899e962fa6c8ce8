// The QR exchange through the real camera path: one phone shows codes, its canvas frames are
// filmed into a video (blur, noise, lost frames) that another headless Chromium uses as its
// camera, and the receiving page rebuilds the exact payload with the Rust decoder.
import { test, expect } from "@playwright/test";
import { join } from "node:path";
import { audit, createVault, shots } from "./screens.mjs";
import { blankVideo, captureFrames, film, fragments, navigate, phone, photograph, videos } from "./camera/rig.mjs";

test.describe.configure({ timeout: 180_000 });

test("an animated transfer of 10 KB arrives whole through a blurred, noisy camera losing 20 % of frames", async () => {
  const video = join(videos, "trial-10k.y4m");
  blankVideo(video);
  const sender = await phone(video);
  await createVault(sender.page, "Sophie");
  await navigate(sender.page, "exchange");
  await sender.page.getByTestId("trial-show-10").click();
  await sender.page.getByRole("button", { name: "Rapide" }).click();
  const k = await fragments(sender.page);
  expect(k).toBeGreaterThan(1);
  await sender.page.screenshot({ path: `${shots}/exchange-trial-show.png`, fullPage: true });
  expect(await audit(sender.page)).toEqual([]);
  const sent = sender.page.getByTestId("trial-sent");
  const digest = await sent.getAttribute("data-sha256");
  const frames = await captureFrames(sender.page, 2 * k);
  await sender.browser.close();

  film(video, frames, { lost: 0.2, seed: 7 });
  const receiver = await phone(video);
  await createVault(receiver.page, "Marcel");
  await navigate(receiver.page, "exchange");
  await receiver.page.getByTestId("trial-receive").click();
  await expect(receiver.page.getByTestId("scan-status")).toContainText(/reçu|Cherche/);
  await expect(receiver.page.getByRole("progressbar")).toBeVisible();
  const received = receiver.page.getByTestId("trial-received");
  // Screenshot while receiving, when the progress bar has moved.
  await expect(receiver.page.getByTestId("scan-status")).toContainText(/%\sreçu/, { timeout: 60_000 });
  await receiver.page.screenshot({ path: `${shots}/exchange-trial-receiving.png`, fullPage: true });
  expect(await audit(receiver.page)).toEqual([]);
  await expect(received).toBeVisible({ timeout: 90_000 });
  expect(await received.getAttribute("data-sha256")).toBe(digest);
  expect(await received.getAttribute("data-size")).toBe(String(10 * 1024));
  await receiver.page.screenshot({ path: `${shots}/exchange-trial-received.png`, fullPage: true });
  await receiver.browser.close();
});

test("two phones join a group and pair for a session through their cameras, and both can undo", async () => {
  const animatorCamera = join(videos, "animator.y4m");
  const participantCamera = join(videos, "participant.y4m");
  blankVideo(animatorCamera);
  blankVideo(participantCamera);
  const animator = await phone(animatorCamera);
  const participant = await phone(participantCamera);
  const a = animator.page;
  const p = participant.page;
  try {
    await createVault(a, "Sophie");
    await createVault(p, "Marcel");

    // The animator creates the group and shows its invitation.
    await navigate(a, "group");
    await a.getByTestId("create-group").click();
    await a.getByTestId("group-name").fill("Les Lilas");
    await a.getByTestId("create-group-submit").click();
    await expect(a.getByTestId("invite")).toBeVisible();
    expect(await fragments(a)).toBe(1);
    await a.screenshot({ path: `${shots}/group-invite.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    film(participantCamera, await captureFrames(a, 1), { hold: 20, fps: 10 });

    // The participant scans it, reads the charter, accepts and shows the answer.
    await navigate(p, "group");
    await expect(p.getByTestId("group-empty")).toBeVisible();
    await p.getByTestId("join-group").click();
    await expect(p.getByTestId("charter")).toBeVisible({ timeout: 30_000 });
    await expect(p.getByTestId("charter")).toContainText(/Rejoindre le groupe «\s*Les Lilas\s*»\s*\?/);
    await expect(p.getByTestId("charter")).toContainText("Animé par Sophie.");
    await p.screenshot({ path: `${shots}/group-charter.png`, fullPage: true });
    expect(await audit(p)).toEqual([]);
    await p.getByTestId("accept-charter").click();
    await expect(p.getByTestId("join-answer")).toBeVisible();
    const participantCode = (await p.getByTestId("confirm-code").textContent()).trim();
    expect(participantCode).toMatch(/^\d{3} \d{3}$/);
    await p.screenshot({ path: `${shots}/group-answer.png`, fullPage: true });
    expect(await audit(p)).toEqual([]);
    film(animatorCamera, await captureFrames(p, 1), { hold: 20, fps: 10 });

    // The animator scans the answer: the same code on both phones.
    await a.getByTestId("scan-answer").click();
    await expect(a.getByTestId("welcomed")).toBeVisible({ timeout: 30_000 });
    await expect(a.getByTestId("welcomed")).toContainText("Marcel est dans le groupe.");
    expect((await a.getByTestId("confirm-code").textContent()).trim()).toBe(participantCode);
    await a.screenshot({ path: `${shots}/group-welcomed.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    await a.getByRole("button", { name: "C'est fait" }).click();
    await expect(a.getByTestId("members")).toContainText("Marcel");
    await p.getByTestId("answer-done").click();
    await expect(p.getByTestId("group-card")).toContainText("Les Lilas");
    await expect(p.getByTestId("group-card")).toContainText(participantCode);
    await p.screenshot({ path: `${shots}/group-member.png`, fullPage: true });

    // Helper and helped pair the same way for the session.
    await navigate(a, "exchange");
    await a.getByTestId("pair-show-helper").click();
    await expect(a.getByTestId("qr-display")).toBeVisible();
    film(participantCamera, await captureFrames(a, 1), { hold: 20, fps: 10 });
    await navigate(p, "exchange");
    await p.getByTestId("pair-scan").click();
    await expect(p.getByTestId("paired")).toBeVisible({ timeout: 30_000 });
    await expect(p.getByTestId("paired")).toContainText("Sophie vous aide.");
    await expect(p.getByTestId("paired").getByTestId("reassurance")).toContainText("Vos mots de passe restent à vous.");
    const pairCode = (await p.getByTestId("confirm-code").textContent()).trim();
    await p.screenshot({ path: `${shots}/exchange-paired-helped.png`, fullPage: true });
    expect(await audit(p)).toEqual([]);
    film(animatorCamera, await captureFrames(p, 1), { hold: 20, fps: 10 });
    await a.getByTestId("pair-scan-answer").click();
    await expect(a.getByTestId("paired")).toBeVisible({ timeout: 30_000 });
    await expect(a.getByTestId("paired")).toContainText("Vous aidez Marcel.");
    expect((await a.getByTestId("confirm-code").textContent()).trim()).toBe(pairCode);
    await expect(a.getByTestId("pairings")).toContainText("Vous aidez Marcel.");

    // Each side can undo.
    await a.getByTestId("undo").click();
    await expect(a.getByTestId("pairings")).toHaveCount(0);
    await p.getByTestId("undo").click();
    await expect(p.getByTestId("pairings")).toHaveCount(0);
    await navigate(a, "group");
    await a.getByRole("button", { name: "Retirer" }).click();
    await expect(a.getByTestId("members")).not.toContainText("Marcel");
    await navigate(p, "group");
    await p.getByTestId("leave-group").click();
    await expect(p.getByTestId("group-empty")).toBeVisible();
  } finally {
    await animator.browser.close();
    await participant.browser.close();
  }
});

test("without a camera, a photo of the code joins the group, and wrong codes are explained", async ({ page }) => {
  // The default test browser has no camera at all.
  const video = join(videos, "photo-animator.y4m");
  blankVideo(video);
  const animator = await phone(video);
  try {
    await createVault(animator.page, "Sophie");
    await navigate(animator.page, "group");
    await animator.page.getByTestId("create-group").click();
    await animator.page.getByTestId("group-name").fill("Les Lilas");
    await animator.page.getByTestId("create-group-submit").click();
    const photo = join(videos, "invitation.png");
    await photograph(animator.page, photo);

    await createVault(page, "Marcel");
    await navigate(page, "group");
    await page.getByTestId("join-group").click();
    await expect(page.getByTestId("scan-status")).toContainText(/caméra/, { timeout: 20_000 });
    await page.screenshot({ path: `${shots}/scan-no-camera.png`, fullPage: true });
    expect(await audit(page)).toEqual([]);
    // A picture without any code.
    await page.getByTestId("scan-picture").setInputFiles({
      name: "blank.png",
      mimeType: "image/png",
      buffer: await animator.page.locator("header").screenshot(),
    });
    await expect(page.getByTestId("scan-status")).toHaveText(/Aucun code trouvé/);
    // The photo of the invitation.
    await page.getByTestId("scan-picture").setInputFiles(photo);
    await expect(page.getByTestId("charter")).toBeVisible();
    await page.getByTestId("accept-charter").click();
    await expect(page.getByTestId("join-answer")).toBeVisible();
    await page.getByTestId("answer-done").click();
    // Scanning the same invitation again is refused in plain words.
    await page.getByTestId("join-group").click();
    await page.getByTestId("scan-picture").setInputFiles(photo);
    await expect(page.getByTestId("exchange-error")).toHaveText("Vous êtes déjà dans ce groupe.");
  } finally {
    await animator.browser.close();
  }
});

test("a refused camera is explained in plain French, with the photo as a way out", async () => {
  const video = join(videos, "refused.y4m");
  blankVideo(video);
  const refused = await phone(video, { refuse: true });
  try {
    await createVault(refused.page, "Marcel");
    await navigate(refused.page, "group");
    await refused.page.getByTestId("join-group").click();
    await expect(refused.page.getByTestId("scan-status")).toHaveText(
      "L'accès à la caméra est refusé. Autorisez la caméra dans les réglages du navigateur. Vous pouvez aussi choisir une photo du code.",
      { timeout: 20_000 },
    );
    await expect(refused.page.getByText("Choisir une photo du code", { exact: true })).toBeVisible();
    await refused.page.screenshot({ path: `${shots}/scan-refused.png`, fullPage: true });
  } finally {
    await refused.browser.close();
  }
});
