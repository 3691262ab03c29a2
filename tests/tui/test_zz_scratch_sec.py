from pathlib import Path
from tests.tui.conftest import app_test, ready, make_app, store, ANNOTATOR  # noqa

@app_test
async def test_search_markup(make_app, sample_path: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"nothing", "enter")
        await pilot.pause(1)
        from textual.widgets._toast import Toast
        print("toasts1", list(app.screen.query(Toast)))
        await pilot.press("slash", *"[/]", "enter")
        await pilot.pause(1)
        print("toasts2", list(app.screen.query(Toast)))
        print("Not found" in app.export_screenshot())
    print("return", app.return_code, app._exception)
