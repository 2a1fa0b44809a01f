from tpmhub_cli.main import run

run()
