# The README's commands. Each one installs what is missing first (scripts/setup.sh).
SHELL := bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup serve build test size

setup:
	@bash scripts/setup.sh

serve: setup
	@echo "bilateral-map: serving on http://127.0.0.1:8080/ (Ctrl-C stops)"
	trunk serve

build: setup
	trunk build --release

test: setup
	@bash scripts/test.sh

size: build
	@bash scripts/size.sh
