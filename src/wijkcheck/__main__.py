from wijkcheck.cli import main

main()
