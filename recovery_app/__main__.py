from recovery_app.app import main

raise SystemExit(main())
